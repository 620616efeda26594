using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using WhatsApp.Domain.Messages;
using WhatsApp.Domain.Ports;
using WhatsApp.Domain.Privacy;
using WhatsApp.Infrastructure.Privacy;
using WhatsApp.Tests.Builders;

namespace WhatsApp.Tests.Unit.Privacy;

[TestFixture]
public sealed class ContentRetentionWorkerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task Run_WithRetention_ErasesOlderThanNowMinusTheRetentionEveryInterval()
    {
        var time = new FakeTimeProvider(Now);
        var cutoffs = new List<DateTimeOffset>();
        var secondRound = new TaskCompletionSource();
        var unitOfWork = new InlineUnitOfWork();
        unitOfWork.Writes.Setup(w => w.EraseMessagesBeforeAsync(
                It.IsAny<DateTimeOffset>(), It.IsAny<IReadOnlyCollection<MessageStatus>>(), null, It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .Callback((DateTimeOffset cutoff, IReadOnlyCollection<MessageStatus> _, Guid? _, int _, CancellationToken _) =>
            {
                cutoffs.Add(cutoff);
                if (cutoffs.Count == 2)
                {
                    secondRound.TrySetResult();
                }
            })
            .ReturnsAsync(new ErasedBatch(3, null));
        using var worker = Worker(unitOfWork, retentionDays: 30, time);

        await worker.StartAsync(default);
        await WaitUntilAsync(() => cutoffs.Count == 1);
        time.Advance(ContentRetentionWorker.Interval);
        await secondRound.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await worker.StopAsync(default);

        Assert.That(cutoffs, Is.EqualTo(new[] { Now.AddDays(-30), Now.Add(ContentRetentionWorker.Interval).AddDays(-30) }));
    }

    [Test]
    public async Task Run_WithRetentionZero_NeverErases()
    {
        var unitOfWork = new Mock<IUnitOfWork>(MockBehavior.Strict);
        using var worker = Worker(unitOfWork.Object, retentionDays: 0, new FakeTimeProvider(Now));

        await worker.StartAsync(default);
        await worker.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(worker.ExecuteTask.IsCompletedSuccessfully, Is.True);
    }

    private static ContentRetentionWorker Worker(IUnitOfWork unitOfWork, int retentionDays, TimeProvider time) =>
        new(new ContentErasure(unitOfWork, Mock.Of<IErasureObserver>(), time), Options.Create(new PrivacyOptions { RetentionDays = retentionDays }), time, NullLogger<ContentRetentionWorker>.Instance);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(25);
        }

        Assert.That(condition(), Is.True);
    }
}
