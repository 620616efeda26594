using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using WhatsApp.Domain.Messages;
using WhatsApp.Infrastructure.Dispatch;
using WhatsApp.Infrastructure.Persistence;

namespace WhatsApp.Tests.Integration.Persistence;

[TestFixture]
public sealed class OutboxStoreTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private readonly DispatchOptions _options = new() { LeaseDuration = TimeSpan.FromSeconds(60) };
    private TestDatabase _database = null!;
    private FakeTimeProvider _time = null!;

    [SetUp]
    public async Task CreateDatabase()
    {
        _database = await TestDatabase.CreateAsync();
        _time = new FakeTimeProvider(Start);
    }

    [TearDown]
    public async Task DropDatabase() => await _database.DisposeAsync();

    [Test]
    public async Task ClaimDue_TwoDispatchersAtOnce_NeverShareAMessage()
    {
        await SeedAsync(200);
        var first = NewOutbox();
        var second = NewOutbox();

        var claims = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => (i % 2 == 0 ? first : second).ClaimDueAsync(30, default)));

        var ids = claims.SelectMany(c => c).Select(m => m.Id).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(ids, Is.Unique);
            Assert.That(ids, Has.Count.EqualTo(200));
        });
    }

    [Test]
    public async Task ClaimDue_LeasedMessage_IsNotClaimedAgainUntilTheLeaseExpires()
    {
        await SeedAsync(1);
        var outbox = NewOutbox();
        await outbox.ClaimDueAsync(10, default);

        var whileLeased = await NewOutbox().ClaimDueAsync(10, default);
        _time.Advance(TimeSpan.FromSeconds(61));
        var afterExpiry = await NewOutbox().ClaimDueAsync(10, default);

        Assert.Multiple(() =>
        {
            Assert.That(whileLeased, Is.Empty);
            Assert.That(afterExpiry, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task ClaimDue_LaterButWithinTheLease_DoesNotClaimTheLeasedMessage()
    {
        await SeedAsync(1);
        await NewOutbox().ClaimDueAsync(10, default);

        // Not the same frozen instant: a claim that compared leases with its own new expiry would take this one.
        _time.Advance(TimeSpan.FromSeconds(30));
        var whileLeased = await NewOutbox().ClaimDueAsync(10, default);

        Assert.That(whileLeased, Is.Empty);
    }

    [Test]
    public async Task ClaimDue_RetryNotYetDue_IsNotClaimed()
    {
        var message = (await SeedAsync(1))[0];
        var outbox = NewOutbox();
        var claimed = (await outbox.ClaimDueAsync(1, default))[0];
        claimed.MarkSending(_time.GetUtcNow());
        await outbox.TryStartSendingAsync(claimed, default);
        claimed.ScheduleRetry("plivo_503", "unavailable", _time.GetUtcNow().AddSeconds(30), _time.GetUtcNow());
        await outbox.SaveOutcomeAsync(claimed, default);

        var early = await outbox.ClaimDueAsync(1, default);
        _time.Advance(TimeSpan.FromSeconds(31));
        var due = await outbox.ClaimDueAsync(1, default);

        Assert.Multiple(() =>
        {
            Assert.That(early, Is.Empty);
            Assert.That(due.Single().Id, Is.EqualTo(message.Id));
            Assert.That(due.Single().Attempts, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task TryStartSending_AfterAnotherDispatcherTookTheExpiredLease_ReturnsFalse()
    {
        await SeedAsync(1);
        var slow = NewOutbox();
        var slowClaim = (await slow.ClaimDueAsync(1, default))[0];
        _time.Advance(TimeSpan.FromSeconds(61));
        var fast = NewOutbox();
        var fastClaim = (await fast.ClaimDueAsync(1, default))[0];

        fastClaim.MarkSending(_time.GetUtcNow());
        slowClaim.MarkSending(_time.GetUtcNow());
        var fastStarted = await fast.TryStartSendingAsync(fastClaim, default);
        var slowStarted = await slow.TryStartSendingAsync(slowClaim, default);

        Assert.Multiple(() =>
        {
            Assert.That(fastStarted, Is.True);
            Assert.That(slowStarted, Is.False);
        });
    }

    [Test]
    public async Task TryStartSending_StaleDispatcherAfterTheNewHolderQueuedARetry_ReturnsFalseAndKeepsTheRetry()
    {
        await SeedAsync(1);
        var stale = NewOutbox();
        var staleClaim = (await stale.ClaimDueAsync(1, default))[0];
        _time.Advance(TimeSpan.FromSeconds(61));
        var holder = NewOutbox();
        var retryAt = DateTimeOffset.MinValue;
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var claim = (await holder.ClaimDueAsync(1, default))[0];
            claim.MarkSending(_time.GetUtcNow());
            await holder.TryStartSendingAsync(claim, default);
            retryAt = _time.GetUtcNow().AddSeconds(30);
            claim.ScheduleRetry("plivo_503", "unavailable", retryAt, _time.GetUtcNow());
            await holder.SaveOutcomeAsync(claim, default);
            _time.Advance(TimeSpan.FromSeconds(31));
        }

        // The stale dispatcher wakes up with its claim of before: the message is queued again, but not for it.
        staleClaim.MarkSending(_time.GetUtcNow());
        var staleStarted = await stale.TryStartSendingAsync(staleClaim, default);

        var stored = await LoadAsync(staleClaim.Id);
        Assert.Multiple(() =>
        {
            Assert.That(staleStarted, Is.False);
            Assert.That(stored.Status, Is.EqualTo(MessageStatus.Queued));
            Assert.That(stored.Attempts, Is.EqualTo(2));
            Assert.That(stored.NextAttemptAt, Is.EqualTo(retryAt));
        });
    }

    [Test]
    public async Task ReleaseAbandoned_SendingWhoseLeaseExpired_BecomesOutcomeUnknownAndIsNotResent()
    {
        await SeedAsync(1);
        var crashed = NewOutbox();
        var claim = (await crashed.ClaimDueAsync(1, default))[0];
        claim.MarkSending(_time.GetUtcNow());
        await crashed.TryStartSendingAsync(claim, default);
        _time.Advance(TimeSpan.FromSeconds(61));

        var restarted = NewOutbox();
        var released = await restarted.ReleaseAbandonedAsync(default);
        var reclaimed = await restarted.ClaimDueAsync(10, default);

        var stored = await LoadAsync(claim.Id);
        Assert.Multiple(() =>
        {
            Assert.That(released, Is.EqualTo(1));
            Assert.That(reclaimed, Is.Empty);
            Assert.That(stored.Status, Is.EqualTo(MessageStatus.OutcomeUnknown));
            Assert.That(stored.ErrorCode, Is.EqualTo("outcome_unknown"));
        });
    }

    [Test]
    public async Task ClaimDue_ClaimedButNeverStartedByACrashedDispatcher_IsClaimedAfterTheLeaseExpires()
    {
        await SeedAsync(3);
        await NewOutbox().ClaimDueAsync(10, default);
        _time.Advance(TimeSpan.FromSeconds(61));

        var restarted = NewOutbox();
        await restarted.ReleaseAbandonedAsync(default);
        var reclaimed = await restarted.ClaimDueAsync(10, default);

        Assert.That(reclaimed, Has.Count.EqualTo(3));
    }

    [Test]
    public async Task SaveOutcome_Sent_PersistsProviderIdAndReleasesTheLease()
    {
        await SeedAsync(1);
        var outbox = NewOutbox();
        var claim = (await outbox.ClaimDueAsync(1, default))[0];
        claim.MarkSending(_time.GetUtcNow());
        await outbox.TryStartSendingAsync(claim, default);
        claim.MarkSent("plivo-uuid-1", _time.GetUtcNow());

        await outbox.SaveOutcomeAsync(claim, default);

        var stored = await LoadAsync(claim.Id);
        await using var db = _database.CreateDbContext();
        var lease = await db.Messages.Where(m => m.Id == claim.Id)
            .Select(m => EF.Property<string?>(m, "LeaseOwner")).SingleAsync();
        Assert.Multiple(() =>
        {
            Assert.That(stored.Status, Is.EqualTo(MessageStatus.Sent));
            Assert.That(stored.ProviderMessageId, Is.EqualTo("plivo-uuid-1"));
            Assert.That(stored.Attempts, Is.EqualTo(1));
            Assert.That(lease, Is.Null);
        });
    }

    private OutboxStore NewOutbox() => new(_database.UnitOfWork, Options.Create(_options), _time);

    private async Task<Message> LoadAsync(Guid id)
    {
        await using var db = _database.CreateDbContext();
        return await db.Messages.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    private async Task<List<Message>> SeedAsync(int count)
    {
        var messages = Enumerable.Range(0, count)
            .Select(i => Message.CreateOutbound(
                Guid.CreateVersion7(Start), "+14155550100", $"+1415555{i:D4}", MessageType.Text, MessageContent.ForText($"m{i}"), "tests", Start))
            .ToList();
        await using var db = _database.CreateDbContext();
        db.Messages.AddRange(messages);
        await db.SaveChangesAsync();
        return messages;
    }
}
