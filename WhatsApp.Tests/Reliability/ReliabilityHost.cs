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

    public ReliabilityHost(Uri plivoBaseUrl, IReadOnlyDictionary<string, string?> settings, bool dispatch = true)
    {
        _factory = new WhatsAppApiFactory(plivoBaseUrl, dispatch, settings);
        _app = _factory.WithWebHostBuilder(b => b.ConfigureLogging(l =>
        {
            l.ClearProviders();
            l.AddProvider(Logs);
        }));
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

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _factory.DisposeAsync();
    }
}
