using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using WhatsApp.Infrastructure.Persistence;
using WhatsApp.Tests.Databases;

namespace WhatsApp.Tests.Functional;

/// <summary>
/// Hosts the real app on a fresh SQLite file, or a fresh PostgreSQL database when <see cref="TestPostgres.Enabled"/>. Settings go in with <c>UseSetting</c> so they are visible while
/// Program builds its services. Plivo is used when <paramref name="plivoBaseUrl"/> is given, else the simulator.
/// </summary>
internal sealed class WhatsAppApiFactory(
    Uri? plivoBaseUrl = null,
    bool dispatch = false,
    IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    private string? _postgres;

    /// <summary>The SQLite file; tests that open it themselves are <see cref="TestPostgres.SqliteOnly"/>.</summary>
    public string DatabasePath { get; } = Path.Combine(Path.GetTempPath(), $"whatsapp-test-{Guid.NewGuid():N}.db");

    /// <summary>The PostgreSQL database's connection string once the app has started on one, else null.</summary>
    public string? PostgresConnectionString => _postgres;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        if (TestPostgres.Enabled)
        {
            _postgres ??= TestPostgres.CreateDatabase();
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:WhatsApp", _postgres);
        }
        else
        {
            builder.UseSetting("ConnectionStrings:WhatsApp", $"Data Source={DatabasePath}");
        }

        builder.UseSetting("Dispatch:Enabled", dispatch ? "true" : "false");
        builder.UseSetting("Dispatch:PollInterval", "00:00:00.050");
        builder.UseSetting("Messaging:CustomerServiceWindow", "Off");
        builder.UseSetting("Dispatch:RetryBaseDelay", "00:00:00.100");
        builder.UseSetting("Plivo:Senders:0", TestApiKeys.DefaultSender);
        builder.UseSetting("Plivo:Senders:1", TestApiKeys.SecondSender);
        builder.UseSetting("Plivo:DefaultSender", TestApiKeys.DefaultSender);
        if (plivoBaseUrl is not null)
        {
            builder.UseSetting("Messaging:Provider", "Plivo");
            builder.UseSetting("Plivo:BaseUrl", plivoBaseUrl.ToString());
            builder.UseSetting("Plivo:AuthId", Fakes.FakePlivoServer.DefaultAuthId);
            builder.UseSetting("Plivo:AuthToken", Fakes.FakePlivoServer.DefaultAuthToken);
        }
        else
        {
            builder.UseSetting("Messaging:Provider", "Simulator");
        }

        AddKey(builder, 0, "sender-a", "sender", TestApiKeys.Sender);
        AddKey(builder, 1, "sender-b", "sender", TestApiKeys.OtherSender);
        AddKey(builder, 2, "agent", "agent", TestApiKeys.Agent);
        AddKey(builder, 3, "admin", "admin", TestApiKeys.Admin);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
    }

    public HttpClient CreateClientWithKey(string apiKey)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    public async Task<T> WithDbAsync<T>(Func<WhatsAppDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WhatsAppDbContext>();
        return await query(db);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (_postgres is not null)
        {
            TestPostgres.DropDatabase(_postgres);
            _postgres = null;
            return;
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(DatabasePath + suffix);
        }
    }

    private static void AddKey(IWebHostBuilder builder, int index, string name, string role, string key)
    {
        builder.UseSetting($"Auth:ApiKeys:{index}:Name", name);
        builder.UseSetting($"Auth:ApiKeys:{index}:Role", role);
        builder.UseSetting($"Auth:ApiKeys:{index}:Key", key);
    }
}
