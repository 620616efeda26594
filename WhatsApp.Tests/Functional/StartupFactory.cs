using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace WhatsApp.Tests.Functional;

/// <summary>The real app in <paramref name="environment"/> with only <paramref name="settings"/> (and a fresh SQLite file), for start-up checks.</summary>
internal sealed class StartupFactory(string environment, IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"whatsapp-startup-{Guid.NewGuid():N}.db");

    /// <summary>One admin key named <c>ops</c> plus <paramref name="more"/>.</summary>
    public static Dictionary<string, string?> WithKey(IReadOnlyDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Auth:ApiKeys:0:Name"] = "ops",
            ["Auth:ApiKeys:0:Role"] = "admin",
            ["Auth:ApiKeys:0:Key"] = TestApiKeys.Admin,
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("ConnectionStrings:WhatsApp", $"Data Source={_database}");
        builder.UseSetting("Dispatch:Enabled", "false");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_database);
    }
}
