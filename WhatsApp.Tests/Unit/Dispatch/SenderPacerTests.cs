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
    public async Task EnterSendAsync_LimitInFlight_NextWaitsUntilASecondAfterAnAnswer()
    {
        var permits = new List<IDisposable>();
        for (var i = 0; i < Limit; i++)
        {
            permits.Add(await _pacer.EnterSendAsync(Sender, CancellationToken.None));
        }

        var next = _pacer.EnterSendAsync(Sender, CancellationToken.None).AsTask();
        _time.Advance(TimeSpan.FromSeconds(5));
        var blockedWhileAllInFlight = !next.IsCompleted;

        permits[0].Dispose();
        _time.Advance(TimeSpan.FromMilliseconds(1000));
        var blockedOneSecondAfterTheAnswer = !next.IsCompleted;
        _time.Advance(TimeSpan.FromMilliseconds(10));
        (await next).Dispose();

        Assert.Multiple(() =>
        {
            Assert.That(blockedWhileAllInFlight, Is.True, "a request in flight holds its permit, however long it takes");
            Assert.That(blockedOneSecondAfterTheAnswer, Is.True, "the permit comes back only after a full second (and a margin)");
        });
    }

    [Test]
    public async Task EnterSendAsync_PermitDisposedTwice_ReturnsOnlyOnce()
    {
        var permits = new List<IDisposable>();
        for (var i = 0; i < Limit; i++)
        {
            permits.Add(await _pacer.EnterSendAsync(Sender, CancellationToken.None));
        }

        permits[0].Dispose();
        permits[0].Dispose();
        _time.Advance(TimeSpan.FromSeconds(2));
        var first = _pacer.EnterSendAsync(Sender, CancellationToken.None).AsTask();
        var second = _pacer.EnterSendAsync(Sender, CancellationToken.None).AsTask();

        Assert.Multiple(() =>
        {
            Assert.That(first.IsCompletedSuccessfully, Is.True);
            Assert.That(second.IsCompleted, Is.False, "one answer frees one permit");
        });
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
