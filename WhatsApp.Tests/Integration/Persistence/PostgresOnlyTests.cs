using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using WhatsApp.Infrastructure.Dispatch;
using WhatsApp.Infrastructure.Persistence;

namespace WhatsApp.Tests.Integration.Persistence;

/// <summary>What only PostgreSQL has: pacing shared between instances, a database that can be set read-only.</summary>
[TestFixture]
public sealed class PostgresOnlyTests : PostgresDatabaseFixture
{
    [Test]
    public async Task SharedSenderPacer_TwoInstancesOneSender_SpaceTheirSlotsTogether()
    {
        var options = Options.Create(new DispatchOptions { PerSenderRatePerSecond = 10 });
        var first = new SharedSenderPacer(Database, options, TimeProvider.System, NullLogger<SharedSenderPacer>.Instance);
        var second = new SharedSenderPacer(Database, options, TimeProvider.System, NullLogger<SharedSenderPacer>.Instance);
        var clock = Stopwatch.StartNew();

        // 21 slots at 10 per second, taken by both at once: the last starts about 2 seconds after the first.
        await Task.WhenAll(Enumerable.Range(0, 21)
            .Select(i => (i % 2 == 0 ? first : second).WaitAsync("+14155550100", default).AsTask()));

        Assert.That(clock.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(1.9)));
    }

    [Test]
    public async Task HealthCheck_DatabaseSetReadOnly_IsUnhealthy()
    {
        // Checked on every call, so the second call sees the change at once.
        var check = new DatabaseHealthCheck(new DatabaseReadinessProbe(
            Database, Options.Create(new DatabaseReadinessOptions { ReadinessCacheDuration = TimeSpan.Zero }), TimeProvider.System));
        var before = await check.CheckHealthAsync(new HealthCheckContext());
        await using (var db = Database.CreateDbContext())
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"ALTER DATABASE \"{connection.Database}\" SET default_transaction_read_only = on", connection);
            await command.ExecuteNonQueryAsync();
        }

        NpgsqlConnection.ClearAllPools();
        var after = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Multiple(() =>
        {
            Assert.That(before.Status, Is.EqualTo(HealthStatus.Healthy));
            Assert.That(after.Status, Is.EqualTo(HealthStatus.Unhealthy));
        });
    }
}
