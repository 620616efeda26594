using Microsoft.EntityFrameworkCore;
using WhatsApp.Domain.Messages;
using WhatsApp.Domain.Ports;
using WhatsApp.Domain.Webhooks;
using WhatsApp.Infrastructure.Persistence;
using WhatsApp.Infrastructure.Persistence.Writes;
using WhatsApp.Tests.Integration.Seed;

namespace WhatsApp.Tests.Integration.Persistence;

/// <summary>
/// The hot inserts bypass EF Core (and, on SQLite, Microsoft.Data.Sqlite's binding): each row they write must be,
/// column for column and type for type, the row <c>SaveChanges</c> writes for the same entity.
/// </summary>
[TestFixture]
public sealed class RowInsertTests : DatabaseFixture
{
    private static readonly DateTimeOffset Now = new DateTimeOffset(2026, 11, 27, 9, 30, 15, 123, TimeSpan.Zero).AddTicks(4567);
    private static readonly DateTimeOffset WholeSecond = new(2026, 11, 27, 9, 31, 0, TimeSpan.Zero);

    [Test]
    public async Task Insert_WebhookReceipt_IsTheRowSaveChangesWrites()
    {
        // Text with non-ASCII and emoji, a JSON column, an enum, dates with and without a fraction of a second, nulls.
        WebhookReceipt Create(Guid id)
        {
            var receipt = WebhookReceipt.From(
                new WebhookDelivery("nonce-1", "v3", "POST", "https://gw.example/api/webhooks/plivo?x=1",
                    [new("From", "+14155552671"), new("Body", "Grüße 👋 «ok»"), new("Body", "second")], Now),
                id, "inbound", "+14155552671");
            receipt.MarkProcessed(WebhookOutcome.Processed, WholeSecond);
            return receipt;
        }

        await AssertSameRowsAsync("WebhookReceipts", "Id", Create(Guid.CreateVersion7(Now)), Create(Guid.CreateVersion7(Now.AddSeconds(1))));
    }

    [Test]
    public async Task Insert_StatusEvent_IsTheRowSaveChangesWrites()
    {
        MessageStatusEvent Create(Guid id) => MessageStatusEvent.From(
            new StatusReport($"plivo-{id}", MessageStatus.Failed, "2", Now.AddSeconds(-3), "470", "Outside the window", null), id, Now);

        await AssertSameRowsAsync("MessageStatusEvents", "Id", Create(Guid.CreateVersion7(Now)), Create(Guid.CreateVersion7(Now.AddSeconds(1))),
            except: ["ProviderMessageId"]);
    }

    [Test]
    public async Task Insert_IdempotencyKey_IsTheRowSaveChangesWrites()
    {
        var messageId = Guid.CreateVersion7(Now);
        await AssertSameRowsAsync("IdempotencyKeys", "Key",
            new IdempotencyRecord("client", "key-a", "fingerprint", messageId, Now),
            new IdempotencyRecord("client", "key-b", "fingerprint", messageId, Now));
    }

    [Test]
    public async Task Insert_Nonce_IsTheRowSaveChangesWrites()
    {
        await AssertSameRowsAsync("WebhookNonces", "Nonce", new WebhookNonce("nonce-a", Now), new WebhookNonce("nonce-b", Now));
    }

    [Test]
    public async Task Insert_NonceSeenSinceTheCutoff_ChangesNothingAndOneSeenBeforeIt_IsTakenAgain()
    {
        await Database.Writes.ExecuteAsync((writes, ct) => ((WriteContext)writes).Session.InsertAsync(new WebhookNonce("nonce", WholeSecond), null, ct), CancellationToken.None);

        // The cutoff parameter is compared as SeenAt is: a millisecond either side of the stored time decides.
        var replayed = await InsertNonceAsync(seenAt: WholeSecond.AddMinutes(1), cutoff: WholeSecond.AddMilliseconds(-1));
        var reused = await InsertNonceAsync(seenAt: WholeSecond.AddMinutes(2), cutoff: WholeSecond.AddMilliseconds(1));

        await using var db = Database.CreateDbContext();
        var stored = db.WebhookNonces.Single();
        Assert.Multiple(() =>
        {
            Assert.That(replayed, Is.Zero, "seen after the cutoff: a replay");
            Assert.That(reused, Is.EqualTo(1), "seen before the cutoff: taken again");
            Assert.That(stored.SeenAt, Is.EqualTo(WholeSecond.AddMinutes(2)));
        });
    }

    private async Task<int> InsertNonceAsync(DateTimeOffset seenAt, DateTimeOffset cutoff) =>
        await Database.Writes.ExecuteAsync((writes, ct) => writes.TryTakeNonceAsync("nonce", seenAt, seenAt - cutoff, ct), CancellationToken.None) ? 1 : 0;

    private async Task AssertSameRowsAsync<T>(string table, string key, T viaInsert, T viaEf, string[]? except = null)
        where T : class
    {
        await Database.Writes.ExecuteAsync((writes, ct) => ((WriteContext)writes).Session.InsertAsync(viaInsert, null, ct), CancellationToken.None);
        await using (var db = Database.CreateDbContext())
        {
            db.Add(viaEf);
            await db.SaveChangesAsync();
        }

        await using var read = Database.CreateDbContext();
        var (columns, rows) = await RawRows.ReadAsync(read.Database.GetDbConnection(), table, key);
        Assert.That(rows, Has.Count.EqualTo(2));
        Assert.Multiple(() =>
        {
            for (var column = 0; column < columns.Length; column++)
            {
                if (columns[column] != key && except?.Contains(columns[column]) != true)
                {
                    Assert.That(rows[0][column], Is.EqualTo(rows[1][column]), columns[column]);
                    Assert.That(rows[0][column]?.GetType(), Is.EqualTo(rows[1][column]?.GetType()), $"{columns[column]}'s type");
                }
            }
        });
    }
}
