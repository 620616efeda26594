using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using WhatsApp.Infrastructure.Dispatch;

namespace WhatsApp.Tests.Unit.Dispatch;

public sealed class SenderPacerTests
{
    private const int Limit = 5;
    private const string Sender = "+14155550100";

    private FakeTimeProvider _time = null!;
    private SenderPacer _pacer = null!;

    [SetUp]
    public void SetUp()
    {
        _time = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero));
        _pacer = new SenderPacer(Options.Create(new DispatchOptions { PerSenderRatePerSecond = Limit }), _time);
    }

    [Test]
    public void WaitAsync_WithinLimit_CompletesImmediately()
    {
        var waits = Enumerable.Range(0, Limit).Select(_ => _pacer.WaitAsync(Sender, CancellationToken.None)).ToList();

        Assert.That(waits.Select(w => w.IsCompletedSuccessfully), Is.All.True);
    }

    [Test]
    public async Task WaitAsync_OneOverLimit_CompletesOnlyAfterOneSecond()
    {
        for (var i = 0; i < Limit; i++)
        {
            await _pacer.WaitAsync(Sender, CancellationToken.None);
        }

        var sixth = _pacer.WaitAsync(Sender, CancellationToken.None).AsTask();
        Assert.That(sixth.IsCompleted, Is.False);
        _time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.That(sixth.IsCompleted, Is.False);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        await sixth.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Test]
    public async Task WaitAsync_OtherSenderAtLimit_NotDelayed()
    {
        for (var i = 0; i < Limit; i++)
        {
            await _pacer.WaitAsync(Sender, CancellationToken.None);
        }

        var blocked = _pacer.WaitAsync(Sender, CancellationToken.None);
        var other = _pacer.WaitAsync("+14155550101", CancellationToken.None);

        Assert.That(blocked.IsCompleted, Is.False);
        Assert.That(other.IsCompletedSuccessfully, Is.True);
    }

    [Test]
    public void WaitAsync_SteadyOverloadForThreeSeconds_NoWindowExceedsLimit()
    {
        var start = _time.GetUtcNow();
        var pending = new List<Task>();
        var completedAt = new List<TimeSpan>();
        for (var step = 0; step <= 300; step++)
        {
            if (step < 300 && step % 5 == 0)
            {
                // 20 requests a second, four times the limit.
                pending.Add(_pacer.WaitAsync(Sender, CancellationToken.None).AsTask());
            }

            foreach (var done in pending.Where(t => t.IsCompleted).ToList())
            {
                completedAt.Add(_time.GetUtcNow() - start);
                pending.Remove(done);
            }

            _time.Advance(TimeSpan.FromMilliseconds(10));
        }

        var busiestWindow = completedAt.Max(t => completedAt.Count(u => u >= t && u < t + TimeSpan.FromSeconds(1)));
        Assert.That(busiestWindow, Is.EqualTo(Limit));
        Assert.That(completedAt, Has.Count.GreaterThanOrEqualTo(3 * Limit));
    }

    [Test]
    public async Task EnterSendAsync_OneOverLimitWithinTheWindow_WaitsAndNeverLetsMoreThanTheLimitThroughInOneSecond()
    {
        for (var i = 0; i < Limit; i++)
        {
            await _pacer.EnterSendAsync(Sender, CancellationToken.None);
        }

        var next = _pacer.EnterSendAsync(Sender, CancellationToken.None).AsTask();
        _time.Advance(TimeSpan.FromSeconds(1));
        var blockedAtOneSecond = !next.IsCompleted;
        _time.Advance(TimeSpan.FromMilliseconds(40));
        await next;

        Assert.That(blockedAtOneSecond, Is.True, "the send gate keeps a margin beyond one second");
    }

    [Test]
    public void EnterSendAsync_IsIndependentOfReservations()
    {
        for (var i = 0; i < Limit; i++)
        {
            _pacer.WaitAsync(Sender, CancellationToken.None).AsTask().Wait();
        }

        var send = _pacer.EnterSendAsync(Sender, CancellationToken.None);

        Assert.That(send.IsCompletedSuccessfully, Is.True);
    }
}
