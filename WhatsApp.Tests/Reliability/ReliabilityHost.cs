using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using WhatsApp.Tests.Functional;

namespace WhatsApp.Tests.Reliability;

/// <summary>
/// The real app in process (<see cref="WhatsAppApiFactory"/>: real SQLite file, dispatcher on, Plivo at a fake),
/// logging into a <see cref="LogCollector"/> instead of the console.
/// </summary>
internal sealed class ReliabilityHost : IAsyncDisposable
{
    private readonly WhatsAppApiFactory _factory;
    private readonly WebApplicationFactory<Program> _app;

    /// <param name="plivoBaseUrl">Where the app finds Plivo (a <see cref="Fakes.FakePlivoServer"/>).</param>
    /// <param name="settings">Configuration on top of the factory's.</param>
    /// <param name="sqliteOptions">Extra connection-string keywords for the database file, e.g. <c>Default Timeout=2</c>.</param>
    public ReliabilityHost(Uri plivoBaseUrl, IReadOnlyDictionary<string, string?> settings, string? sqliteOptions = null)
    {
        _factory = new WhatsAppApiFactory(plivoBaseUrl, dispatch: true, settings);
        _app = _factory.WithWebHostBuilder(b =>
        {
            if (sqliteOptions is not null)
            {
                b.UseSetting("ConnectionStrings:WhatsApp", $"Data Source={_factory.DatabasePath};{sqliteOptions}");
            }

            b.ConfigureLogging(l =>
            {
                l.ClearProviders();
                l.AddProvider(Logs);
            });
        });
        Database = new ReliabilityDatabase(_factory.DatabasePath);
    }

    public LogCollector Logs { get; } = new();

    public ReliabilityDatabase Database { get; }

    public HttpClient CreateClient(string? apiKey = null)
    {
        var client = _app.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(60);
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        return client;
    }

    /// <summary>GET /health/ready: the status code and the body (Healthy, Degraded or Unhealthy).</summary>
    public async Task<(int Status, string Body)> ReadinessAsync()
    {
        using var client = CreateClient();
        using var response = await client.GetAsync("/health/ready");
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _factory.DisposeAsync();
    }
}
