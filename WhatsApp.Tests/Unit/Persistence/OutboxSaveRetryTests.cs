using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using WhatsApp.Domain.Ports;
using WhatsApp.Infrastructure.Dispatch;
using WhatsApp.Infrastructure.Persistence;
using WhatsApp.Tests.Builders;

namespace WhatsApp.Tests.Unit.Persistence;

/// <summary>A send's outcome is the provider's answer: a failed save of it is retried, not dropped.</summary>
public sealed class OutboxSaveRetryTests
{
    [Test]
    public async Task SaveOutcome_UnitOfWorkFailsTwice_RetriesUntilStored()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
        var unitOfWork = new Mock<IUnitOfWork>();
        unitOfWork.SetupSequence(u => u.ExecuteAsync(It.IsAny<Func<IWriteContext, CancellationToken, Task<bool>>>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("database is locked"))
            .ThrowsAsync(new InvalidOperationException("database is locked"))
            .ReturnsAsync(true);
        var outbox = new OutboxStore(unitOfWork.Object, Options.Create(new DispatchOptions()), time);

        var save = outbox.SaveOutcomeAsync(new MessageBuilder().Build(), CancellationToken.None);
        for (var i = 0; i < 100 && !save.IsCompleted; i++)
        {
            await Task.Delay(10);
            time.Advance(TimeSpan.FromSeconds(1));
        }

        await save;
        unitOfWork.Verify(
            u => u.ExecuteAsync(It.IsAny<Func<IWriteContext, CancellationToken, Task<bool>>>(), It.IsAny<CancellationToken>()), Times.Exactly(3));
    }

    [Test]
    public async Task SaveOutcome_FailingEveryTime_GivesUpAfterTwelveAttemptsWithTheError()
    {
        var time = new FakeTimeProvider();
        var unitOfWork = new Mock<IUnitOfWork>();
        unitOfWork.Setup(u => u.ExecuteAsync(It.IsAny<Func<IWriteContext, CancellationToken, Task<bool>>>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("database is read-only"));
        var outbox = new OutboxStore(unitOfWork.Object, Options.Create(new DispatchOptions()), time);

        var save = outbox.SaveOutcomeAsync(new MessageBuilder().Build(), CancellationToken.None);
        var advancing = Task.Run(async () =>
        {
            while (!save.IsCompleted)
            {
                await Task.Delay(5);
                time.Advance(TimeSpan.FromSeconds(5));
            }
        });

        Assert.ThrowsAsync<InvalidOperationException>(async () => await save);
        unitOfWork.Verify(
            u => u.ExecuteAsync(It.IsAny<Func<IWriteContext, CancellationToken, Task<bool>>>(), It.IsAny<CancellationToken>()), Times.Exactly(12));
        await advancing;
    }
}
