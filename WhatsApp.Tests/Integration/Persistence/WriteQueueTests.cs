using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using WhatsApp.Infrastructure.Persistence.Writes;
using WhatsApp.Tests.Databases;

namespace WhatsApp.Tests.Integration.Persistence;

/// <summary>
/// The group-commit unit of work: a batch runs without savepoints first, and again with one per unit only when a unit
/// fails; either way each caller sees exactly its own outcome. A write held open at the gate
/// below keeps the loop busy, so the writes queued meanwhile are guaranteed to share the next batch.
/// </summary>
[TestFixture]
public sealed class WriteQueueTests : DatabaseFixture
{
    private static readonly DateTimeOffset SeenAt = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    [Test]
    public async Task Batch_OneWriteFails_TheOthersCommitAndOnlyItsCallerGetsTheError()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var blocker = HoldTheWriterAsync(gate.Task);
        var first = Insert("first");
        var failing = Database.Writes.ExecuteAsync<int>(
            async (writes, ct) =>
            {
                await writes.TryTakeNonceAsync("failing", SeenAt, Window, ct);
                throw new InvalidOperationException("the write's own failure");
            },
            CancellationToken.None);
        var last = Insert("last");

        gate.SetResult();
        await blocker;
        await first;
        await last;
        var error = Assert.ThrowsAsync<InvalidOperationException>(async () => await failing);

        Assert.Multiple(async () =>
        {
            Assert.That(error!.Message, Is.EqualTo("the write's own failure"));
            Assert.That(await StoredNoncesAsync(), Is.EquivalentTo(new[] { "first", "last" }));
        });
    }

    // The contract of IUnitOfWork: work may run again, from the start, when another writer got there first.
    [Test]
    public async Task Work_ConflictWithAnotherWriter_RunsAgainFromTheStartAndCommitsOnce()
    {
        var runs = 0;
        var result = await Database.Writes.ExecuteAsync(
            async (writes, ct) =>
            {
                await writes.TryTakeNonceAsync("retried", SeenAt, Window, ct);
                return ++runs == 1 ? throw new ConcurrentWriteException("created meanwhile") : runs;
            },
            CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(result, Is.EqualTo(2));
            Assert.That(await StoredNoncesAsync(), Is.EquivalentTo(new[] { "retried" }));
        });
    }

    [Test]
    public async Task Work_ConflictingEveryTime_FailsAfterThreeRunsWritingNothing()
    {
        var runs = 0;
        var work = Database.Writes.ExecuteAsync<int>(
            async (writes, ct) =>
            {
                runs++;
                await writes.TryTakeNonceAsync("never", SeenAt, Window, ct);
                throw new ConcurrentWriteException("always");
            },
            CancellationToken.None);

        Assert.ThrowsAsync<ConcurrentWriteException>(async () => await work);
        Assert.Multiple(async () =>
        {
            // Once in the batch without savepoints, then three times in its own savepoint.
            Assert.That(runs, Is.EqualTo(4));
            Assert.That(await StoredNoncesAsync(), Is.Empty);
        });
    }

    [Test]
    public async Task Batch_AllWritesSucceed_EachCallerGetsItsOwnResultOnceCommitted()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var blocker = HoldTheWriterAsync(gate.Task);
        var writes = Enumerable.Range(0, 20).Select(i => Insert($"n{i}")).ToList();

        gate.SetResult();
        await blocker;
        var results = await Task.WhenAll(writes);

        // Answered only after the commit: another connection already sees every row.
        Assert.Multiple(async () =>
        {
            Assert.That(results, Is.EqualTo(Enumerable.Range(0, 20).Select(i => $"n{i}")));
            Assert.That(await StoredNoncesAsync(), Has.Count.EqualTo(20));
        });
    }

    [Test]
    public async Task Stop_WritesAlreadyQueuedFinish_LaterOnesAreRefused()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var blocker = HoldTheWriterAsync(gate.Task);
        var queued = Insert("queued");

        var stopping = Database.Writes.StopAsync(CancellationToken.None);
        gate.SetResult();
        await stopping;
        await blocker;

        Assert.Multiple(async () =>
        {
            Assert.That(await queued, Is.EqualTo("queued"));
            Assert.That(await StoredNoncesAsync(), Is.EquivalentTo(new[] { "queued" }));
            Assert.Throws<InvalidOperationException>(() => Insert("too late"));
        });
    }

    // The host gives up at its shutdown timeout (a dispatcher draining while the database is locked). A stop that then
    // threw ended the process with an unhandled TaskCanceledException, SIGABRT, rather than an orderly exit.
    [Test]
    public async Task Stop_WhenTheHostGivesUpWaiting_ReturnsWithoutThrowingAndTheLoopStillFinishes()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var blocker = HoldTheWriterAsync(gate.Task);
        var queued = Insert("queued");
        using var gaveUp = new CancellationTokenSource();
        await gaveUp.CancelAsync();

        Exception? thrown = null;
        try
        {
            await Database.Writes.StopAsync(gaveUp.Token);
        }
        catch (Exception ex)
        {
            thrown = ex;
        }

        var returnedWhileHeld = !queued.IsCompleted;
        gate.SetResult();
        await blocker;
        Assert.Multiple(async () =>
        {
            Assert.That(thrown, Is.Null, "the stop threw at the shutdown timeout");
            Assert.That(returnedWhileHeld, Is.True, "the stop returned while the writes were still held");
            Assert.That(await queued, Is.EqualTo("queued"));
        });
    }

    [Test]
    public async Task Stop_RightAfterStart_WritesQueuedBeforeTheLoopRanStillCommit()
    {
        // .NET's BackgroundService starts its loop on the thread pool and never starts it if stopped first; these
        // writes then waited forever. The bound turns such a hang into a failure.
        var queue = new WriteQueue(Database, NullLogger<WriteQueue>.Instance);
        var writes = Enumerable.Range(0, 5).Select(i => Insert(queue, $"early{i}")).ToList();

        await queue.StartAsync(CancellationToken.None);
        await queue.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        var results = await Task.WhenAll(writes).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Multiple(async () =>
        {
            Assert.That(results, Is.EqualTo(Enumerable.Range(0, 5).Select(i => $"early{i}")));
            Assert.That(await StoredNoncesAsync(), Is.EquivalentTo(results));
        });
    }

    [Test]
    [Category(TestPostgres.SqliteOnly)] // settings of SQLite's.
    public async Task Connection_OnSqlite_CheckpointsEvery4000WalPagesWithTempTablesInMemory()
    {
        var settings = await Database.Writes.ExecuteAsync(
            async (writes, ct) =>
            {
                var session = ((WriteContext)writes).Session;
                return (await PragmaAsync(session, "wal_autocheckpoint", ct), await PragmaAsync(session, "temp_store", ct));
            },
            CancellationToken.None);

        // temp_store 2 is MEMORY; SQLite's defaults are 1,000 pages and 0 (a file).
        Assert.That(settings, Is.EqualTo((4000L, 2L)));
    }

    private static async Task<long> PragmaAsync(WriteSession session, string name, CancellationToken ct)
    {
        await using var command = session.Db.Database.GetDbConnection().CreateCommand();
        command.Transaction = session.Db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = $"PRAGMA {name}";
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private Task<int> HoldTheWriterAsync(Task gate) =>
        Database.Writes.ExecuteAsync(
            async (_, _) =>
            {
                await gate;
                return 0;
            },
            CancellationToken.None);

    private Task<string> Insert(string nonce) => Insert(Database.Writes, nonce);

    private static Task<string> Insert(WriteQueue queue, string nonce) =>
        queue.ExecuteAsync(
            async (writes, ct) => await writes.TryTakeNonceAsync(nonce, SeenAt, Window, ct) ? nonce : throw new InvalidOperationException("taken"),
            CancellationToken.None);

    private async Task<List<string>> StoredNoncesAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.WebhookNonces.Select(n => n.Nonce).ToListAsync();
    }
}
