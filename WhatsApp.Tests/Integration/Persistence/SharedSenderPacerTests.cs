using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WhatsApp.Infrastructure.Dispatch;

namespace WhatsApp.Tests.Integration.Persistence;

/// <summary>
/// The shared send gate on PostgreSQL: two instances (each its own connection pool) together never let more than the
/// limit through in any one second, and a permit its holder never releases frees itself.
/// </summary>
[TestFixture]
public sealed class SharedSenderPacerTests : PostgresDatabaseFixture
{
    private const string Sender = "+14155550100";
    [Test]
    public async Task EnterSend_TwoInstancesHammeringOneSender_NoOneSecondHoldsMoreThanTheLimitAndTheRateIsNearIt()
    {
        const int limit = 10;
        var pacers = new[] { Pacer("first", limit), Pacer("second", limit) };
        var clock = Stopwatch.StartNew();

        // Ten seconds, not five: a wave of permits taken late (one slow round trip to the database) delays every later
        // send by as much, and over ten seconds that lowers the rate half as much. It did fail once over five.
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var sends = new List<TimeSpan>();

        // 16 dispatchers on each instance, each send "reaching the provider" a few milliseconds after the gate and
        // answered a few more later, as the dispatcher holds its permit. They stop together, so the demand never thins.
        await Task.WhenAll(Enumerable.Range(0, 32).Select(async worker =>
        {
            var random = new Random(worker);
            while (!stop.IsCancellationRequested)
            {
                IDisposable permit;
                try
                {
                    permit = await pacers[worker % 2].EnterSendAsync(Sender, stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                using (permit)
                {
                    await Task.Delay(random.Next(0, 15));
                    lock (sends)
                    {
                        sends.Add(clock.Elapsed);
                    }

                    await Task.Delay(random.Next(0, 15));
                }
            }
        }));

        var times = sends.Order().ToList();
        var busiest = MostInOneSecond(times);
        var steadyRate = (times.Count - limit) / (times[^1] - times[0]).TotalSeconds;
        await TestContext.Out.WriteLineAsync($"{times.Count} sends, most in one second {busiest}, steady rate {steadyRate:F2}/s at {limit}/s");
        Assert.Multiple(() =>
        {
            Assert.That(busiest, Is.LessThanOrEqualTo(limit), "no one-second window above the limit");
            Assert.That(steadyRate, Is.GreaterThanOrEqualTo(0.85 * limit), "close to the limit");
        });
    }

    [Test]
    public async Task EnterSend_PermitReleased_FreesAboutASecondLater()
    {
        var pacer = Pacer("only", limit: 1);
        (await pacer.EnterSendAsync(Sender, default)).Dispose();
        var clock = Stopwatch.StartNew();

        using (await pacer.EnterSendAsync(Sender, default))
        {
            Assert.That(clock.Elapsed, Is.InRange(TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(2)));
        }
    }

    [Test]
    public async Task EnterSend_PermitOfADeadInstanceNeverReleased_FreesItselfAfterItsLongestHold()
    {
        var dead = Pacer("dead", limit: 1, attemptTimeout: TimeSpan.FromMilliseconds(200));
        var alive = Pacer("alive", limit: 1, attemptTimeout: TimeSpan.FromMilliseconds(200));
        _ = await dead.EnterSendAsync(Sender, default);
        var clock = Stopwatch.StartNew();

        using var shortly = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        Assert.That(async () => await alive.EnterSendAsync(Sender, shortly.Token), Throws.InstanceOf<OperationCanceledException>(),
            "held while its longest hold lasts; waiting honours cancellation");
        using (await alive.EnterSendAsync(Sender, default))
        {
            Assert.That(clock.Elapsed, Is.InRange(alive.HeldAtMost - TimeSpan.FromSeconds(0.3), alive.HeldAtMost + TimeSpan.FromSeconds(1.5)));
        }
    }

    [Test]
    public async Task EnterSend_HighLimit_ReusesSlotsInsteadOfAddingRows()
    {
        var pacer = Pacer("busy", limit: 100_000);
        var first = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => pacer.EnterSendAsync(Sender, default).AsTask()));
        Array.ForEach(first, p => p.Dispose());
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        var second = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => pacer.EnterSendAsync(Sender, default).AsTask()));
        Array.ForEach(second, p => p.Dispose());

        await using var db = Database.CreateDbContext();
        var rows = await db.Database.SqlQueryRaw<int>("""SELECT COUNT(*)::int AS "Value" FROM "SenderPermits" """).SingleAsync();
        Assert.That(rows, Is.EqualTo(20), "as many rows as permits ever held at once");
    }

    private SharedSenderPacer Pacer(string instance, int limit, TimeSpan? attemptTimeout = null) =>
        new(Database.AnotherInstance(instance),
            Options.Create(new DispatchOptions { PerSenderRatePerSecond = limit, AttemptTimeout = attemptTimeout ?? TimeSpan.FromSeconds(10) }),
            TimeProvider.System, NullLogger<SharedSenderPacer>.Instance);

    private static int MostInOneSecond(List<TimeSpan> ordered)
    {
        var most = 0;
        for (int start = 0, end = 0; end < ordered.Count; end++)
        {
            while (ordered[end] - ordered[start] >= TimeSpan.FromSeconds(1))
            {
                start++;
            }

            most = Math.Max(most, end - start + 1);
        }

        return most;
    }
}
