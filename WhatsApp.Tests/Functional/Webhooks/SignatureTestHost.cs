using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WhatsApp.Api.Features.PlivoWebhooks;
using WhatsApp.Infrastructure.Plivo;
using WhatsApp.Infrastructure.Plivo.Signatures;

namespace WhatsApp.Tests.Functional.Webhooks;

/// <summary>
/// A minimal in-memory app (TestServer) with MVC, problem details, the Plivo options, <c>AddPlivoWebhookOptions()</c> and <c>AddPlivoWebhookSignatures()</c>,
/// serving only <see cref="SignatureEchoController"/> at <see cref="StatusUrl"/>.
/// </summary>
internal sealed class SignatureTestHost : IAsyncDisposable
{
    public const string Token = "primary-auth-token-for-tests";
    public const string MainAccountToken = "main-account-token-for-tests";

    private readonly WebApplication _app;

    private SignatureTestHost(WebApplication app, CapturingLoggerProvider logs)
    {
        _app = app;
        Logs = logs;
        Client = app.GetTestClient();
    }

    public static Uri StatusUrl { get; } = new("http://localhost/hooks/plivo/status");

    public HttpClient Client { get; }

    public CapturingLoggerProvider Logs { get; }

    /// <summary>
    /// Starts the host; settings override <c>Plivo:AuthToken</c> = <see cref="Token"/>, the main-account token as an
    /// additional one and <c>Plivo:PublicBaseUrl</c> = <c>http://localhost</c> (the test server's own address).
    /// </summary>
    public static async Task<SignatureTestHost> StartAsync(string environment = "Testing", Dictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            EnvironmentName = environment,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseTestServer();
        var logs = new CapturingLoggerProvider();
        builder.Logging.ClearProviders().AddProvider(logs);
        var configuration = new Dictionary<string, string?>
        {
            ["Plivo:AuthToken"] = Token,
            ["Plivo:Webhooks:AdditionalAuthTokens:0"] = MainAccountToken,

            // Outside Development the signed URL comes from here only; a test may set it to null.
            ["Plivo:PublicBaseUrl"] = "http://localhost",
        };
        foreach (var (key, value) in settings ?? [])
        {
            configuration[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Services.AddControllers().AddApplicationPart(typeof(SignatureEchoController).Assembly);
        builder.Services.AddProblemDetails();
        builder.Services.AddOptions<PlivoOptions>().BindConfiguration(PlivoOptions.SectionName);
        builder.Services.AddPlivoWebhookOptions();
        builder.Services.AddPlivoWebhookSignatures();

        var app = builder.Build();
        app.MapControllers();
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new SignatureTestHost(app, logs);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }
}
