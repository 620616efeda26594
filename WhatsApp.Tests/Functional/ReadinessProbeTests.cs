using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using WhatsApp.Tests.Databases;
using WhatsApp.Tests.Functional.Security;

namespace WhatsApp.Tests.Functional;

/// <summary>
/// The anonymous readiness probe checks that the database takes writes (on SQLite it takes the write lock). Anyone
/// who can reach the port can call it, so a flood of probes must cost the writer at most one check per
/// <c>Database:ReadinessCacheDuration</c>. Checks are counted from the commands the database logs, on a frozen clock.
/// </summary>
[TestFixture]
public sealed class ReadinessProbeTests
{
    private const int Probes = 200;
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    [Test]
    public async Task Ready_200ConcurrentProbes_CostOneWriteCheckPerInterval()
    {
        await using var host = await ProbedHost.StartAsync();

        var statuses = await Task.WhenAll(Enumerable.Range(0, Probes).Select(_ => host.ReadyAsync()));
        var checksInTheInterval = host.WriteChecks();
        host.Clock.Advance(Interval);
        var afterTheInterval = await host.ReadyAsync();
        TestContext.Out.WriteLine($"{Probes} concurrent probes: {checksInTheInterval} write check(s); one more probe after {Interval}: {host.WriteChecks()} in all");

        Assert.Multiple(() =>
        {
            Assert.That(statuses, Is.All.EqualTo(HttpStatusCode.OK));
            Assert.That(checksInTheInterval, Is.InRange(1, 2), $"write checks for {Probes} concurrent probes");
            Assert.That(afterTheInterval, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(host.WriteChecks(), Is.EqualTo(checksInTheInterval + 1), "checked again once the interval passed");
        });
    }

    [Test]
    [Category(TestPostgres.SqliteOnly)] // holds the SQLite file's write lock from another connection.
    public async Task Ready_AfterTheDatabaseStartsRefusingWrites_IsUnhealthyWithinTheInterval()
    {
        await using var host = await ProbedHost.StartAsync();
        Assert.That(await host.ReadyAsync(), Is.EqualTo(HttpStatusCode.OK));

        await using var other = new SqliteConnection($"Data Source={host.Factory.DatabasePath}");
        await other.OpenAsync();
        await using (var begin = other.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE;";
            await begin.ExecuteNonQueryAsync();
        }

        host.Clock.Advance(Interval);
        var locked = await host.ReadyAsync();

        Assert.That(locked, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
    }

    private sealed class ProbedHost : IAsyncDisposable
    {
        private readonly CapturingLoggerProvider _logs = new();
        private WebApplicationFactory<Program> _probed = null!;
        private HttpClient _client = null!;
        private int _atStart;

        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

        public WhatsAppApiFactory Factory { get; } = new(settings: new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Information",
            ["Database:ReadinessCacheDuration"] = Interval.ToString(),
        });

        public static Task<ProbedHost> StartAsync()
        {
            var host = new ProbedHost();
            host._probed = host.Factory.WithWebHostBuilder(b => b
                .ConfigureLogging(l => l.AddProvider(host._logs))
                .ConfigureTestServices(s => s.AddSingleton<TimeProvider>(host.Clock)));
            host._client = host._probed.CreateClient();
            host._atStart = host.CountWriteChecks();
            return Task.FromResult(host);
        }

        public async Task<HttpStatusCode> ReadyAsync()
        {
            using var response = await _client.GetAsync("/health/ready");
            return response.StatusCode;
        }

        /// <summary>Write checks since the host started.</summary>
        public int WriteChecks() => CountWriteChecks() - _atStart;

        // SQLite: BEGIN IMMEDIATE; PostgreSQL: the read-only query.
        private int CountWriteChecks() => _logs.Entries.Count(e =>
            !e.Contains(" scope: ", StringComparison.Ordinal)
            && (e.Contains("BEGIN IMMEDIATE", StringComparison.Ordinal) || e.Contains("pg_is_in_recovery", StringComparison.Ordinal)));

        public async ValueTask DisposeAsync()
        {
            _client.Dispose();
            await _probed.DisposeAsync();
            await Factory.DisposeAsync();
        }
    }
}
