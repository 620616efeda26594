using Moq;
using WhatsApp.Domain.Messages;
using WhatsApp.Domain.Ports;
using WhatsApp.Domain.Privacy;
using static WhatsApp.Tests.Integration.Persistence.ErasureTestData;

namespace WhatsApp.Tests.Integration.Persistence;

[TestFixture]
public sealed class ContentErasureQueuedTests
{
    private const string Contact = "+14155552671";
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task EraseContact_QueuedMessage_FailsInsteadOfGoingOutEmpty()
    {
        await using var database = await TestDatabase.CreateAsync();
        var queued = Queued(Contact, Now);
        var otherQueued = Queued("+14155552679", Now);
        await SaveAsync(database, queued, otherQueued);

        await new ContentErasure(database.UnitOfWork, Mock.Of<IErasureObserver>(), TimeProvider.System).EraseContactAsync(Contact, null, default);

        var erased = await LoadAsync(database, queued.Id);
        var untouched = await LoadAsync(database, otherQueued.Id);
        Assert.Multiple(() =>
        {
            Assert.That(erased.Status, Is.EqualTo(MessageStatus.Failed));
            Assert.That(erased.ErrorCode, Is.EqualTo("content_erased"));
            Assert.That(erased.NextAttemptAt, Is.Null);
            Assert.That(untouched.Status, Is.EqualTo(MessageStatus.Queued));
        });
    }
}
