using System.Diagnostics;
using WhatsApp.Infrastructure.Persistence.Writes;

namespace WhatsApp.Tests.Unit.Persistence;

/// <summary>
/// The share of the one writer that background writes (the events' fan-out and delivery) may take: a ninth of it while
/// callers' batches keep it at least half busy, and no limit otherwise. Times are given, not measured: each simulated
/// batch runs callers' writes, then background ones in 0.5 ms steps while the budget allows (at most 20 ms of them).
/// </summary>
[TestFixture]
public sealed class BackgroundBudgetTests
{
    private static readonly long Step = Ticks(0.5);

    [Test]
    public void Budget_WhileCallersKeepTheWriterBusy_GivesBackgroundAnEighthOfTheirTime()
    {
        var budget = new BackgroundBudget();
        var now = Run(budget, batches: 50, callerMs: 10, gapMs: 0, out _);
        now = Run(budget, batches: 100, callerMs: 10, gapMs: 0, out var background, now);

        Assert.Multiple(() =>
        {
            Assert.That(budget.Capped(now), Is.True);
            Assert.That(background / (100 * Ticks(10)), Is.InRange(0.115, 0.135));
        });
    }

    [Test]
    public void Budget_WhenCallersUseLittleOfTheWriter_DoesNotLimitBackground()
    {
        var budget = new BackgroundBudget();
        var now = Run(budget, batches: 100, callerMs: 2, gapMs: 8, out var background);

        Assert.Multiple(() =>
        {
            Assert.That(budget.Capped(now), Is.False);
            Assert.That(background, Is.EqualTo(100 * Ticks(20)), "every batch ran all the background writes it had");
        });
    }

    [Test]
    public void Budget_WhenCallersStop_LiftsTheCapWithinATenthOfASecond()
    {
        var budget = new BackgroundBudget();
        var now = Run(budget, batches: 100, callerMs: 10, gapMs: 0, out _);
        budget.Spent(Ticks(50), now);

        Assert.Multiple(() =>
        {
            Assert.That(budget.MayRun(now + Ticks(10)), Is.False, "10 ms later: still busy, and in debt");
            Assert.That(budget.MayRun(now + Ticks(100)), Is.True, "100 ms later: quiet");
        });
    }

    [Test]
    public void Budget_BatchesOfBackgroundAlone_EarnNothingAndEndTheCap()
    {
        var budget = new BackgroundBudget();
        var now = Run(budget, batches: 100, callerMs: 10, gapMs: 0, out _);
        budget.Spent(Ticks(50), now);
        BackgroundAlone(budget, ref now);
        var afterOne = (budget.Capped(now), budget.MayRun(now));

        for (var i = 0; i < 20; i++)
        {
            BackgroundAlone(budget, ref now);
        }

        Assert.Multiple(() =>
        {
            Assert.That(afterOne, Is.EqualTo((true, false)), "one batch of background alone earns nothing");
            Assert.That(budget.MayRun(now), Is.True, "the writer is no longer busy with callers");
        });
    }

    // Batches of `callerMs` of callers' writes each, `gapMs` apart, each followed by the background writes the budget
    // allows; the time of the last one's end, and the background ticks they ran.
    private static long Run(BackgroundBudget budget, int batches, double callerMs, double gapMs, out double background, long? from = null)
    {
        var now = from ?? Stopwatch.GetTimestamp();
        background = 0;
        for (var i = 0; i < batches; i++)
        {
            now += Ticks(gapMs);
            var start = now;
            now += Ticks(callerMs);
            long ran = 0;
            while (ran < Ticks(20) && budget.MayRun(now))
            {
                budget.Spent(Step, now);
                ran += Step;
                now += Step;
            }

            budget.Ended(start, now, hadCallers: true);
            background += ran;
        }

        return now;
    }

    // A 10 ms batch of background writes alone.
    private static void BackgroundAlone(BackgroundBudget budget, ref long now)
    {
        budget.Spent(Ticks(10), now);
        budget.Ended(now, now + Ticks(10), hadCallers: false);
        now += Ticks(10);
    }

    private static long Ticks(double ms) => (long)(ms * Stopwatch.Frequency / 1000);
}
