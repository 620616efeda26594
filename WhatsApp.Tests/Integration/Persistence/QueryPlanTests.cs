using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using WhatsApp.Domain.History;
using WhatsApp.Domain.Messages;
using WhatsApp.Infrastructure.History;
using WhatsApp.Infrastructure.Persistence;
using WhatsApp.Tests.Databases;

namespace WhatsApp.Tests.Integration.Persistence;

/// <summary>
/// Reads SQLite's plan for the SQL each history endpoint runs: no full scan of Messages or Contacts and no sort of
/// the whole result (a temp B-tree), so a page costs the same at a thousand rows or a million.
/// </summary>
[TestFixture]
[Category(TestPostgres.SqliteOnly)] // SQLite's query plans (EXPLAIN QUERY PLAN).
public sealed class QueryPlanTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private TestDatabase _database = null!;

    [OneTimeSetUp]
    public async Task CreateDatabase()
    {
        _database = await TestDatabase.CreateAsync();
        var repository = new MessageRepository(_database, _database.Writes);
        for (var i = 0; i < 20; i++)
        {
            var at = Now.AddMinutes(-i);
            var message = Message.CreateOutbound(Guid.CreateVersion7(at), "+14155550100", $"+1415555{i % 5:D4}", MessageType.Text, MessageContent.ForText("Hi"), "c", at);
            await repository.AddAsync(message, null, default);
        }
    }

    [OneTimeTearDown]
    public async Task DropDatabase() => await _database.DisposeAsync();

    [Test]
    public Task Timeline_UsesTheContactIndexInOrder() =>
        AssertPlanAsync(r => r.SearchAsync(new MessageFilter { Contact = "+14155552671" }, new MessageCursor(Guid.CreateVersion7(Now)), 51, default));

    [Test]
    public Task TimelineNewer_UsesTheContactIndexInOrder() =>
        AssertPlanAsync(r => r.SearchAsync(new MessageFilter { Contact = "+14155552671" }, new MessageCursor(Guid.CreateVersion7(Now), Newer: true), 51, default));

    [Test]
    public Task StatusAndDateFilter_UsesTheStatusIndexAsAnIdRange() =>
        AssertPlanAsync(r => r.SearchAsync(
            new MessageFilter { Statuses = [MessageStatus.Failed], CreatedFrom = Now.AddDays(-7), CreatedTo = Now }, null, 51, default));

    [Test]
    public Task SeveralStatuses_WalkOneIndexPerStatus() =>
        AssertPlanAsync(r => r.SearchAsync(
            new MessageFilter { Statuses = [MessageStatus.Failed, MessageStatus.Undelivered], CreatedFrom = Now.AddDays(-7) }, null, 51, default));

    [TestCase(null)]
    [TestCase(true)]
    [TestCase(false)]
    public Task ConversationList_WalksTheActivityIndex(bool? windowOpen) =>
        AssertPlanAsync(r => r.ConversationsAsync(new ConversationFilter { WindowOpen = windowOpen }, null, 51, Now, default));

    [Test]
    public Task ConversationListPage2_WithFailedFilter_WalksTheActivityIndex() =>
        AssertPlanAsync(r => r.ConversationsAsync(
            new ConversationFilter { HasFailed = true }, new ConversationCursor(Now, "+14155552671"), 51, Now, default));

    private async Task AssertPlanAsync(Func<HistoryReader, Task> query)
    {
        var recorder = new CommandRecorder();
        var reader = new HistoryReader(new RecordingFactory(_database, recorder));

        await query(reader);

        Assert.That(recorder.Commands, Is.Not.Empty);
        foreach (var command in recorder.Commands)
        {
            var plan = await ExplainAsync(command);
            Assert.That(plan, Has.None.Match(@"^SCAN (m|c|Messages|Contacts)$"), $"full scan in:\n{string.Join('\n', plan)}\n{command.Text}");
            Assert.That(plan, Has.None.Contain("USE TEMP B-TREE FOR ORDER BY"), $"sorts the result:\n{string.Join('\n', plan)}\n{command.Text}");
        }
    }

    private async Task<List<string>> ExplainAsync(RecordedCommand command)
    {
        await using var db = _database.CreateDbContext();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + command.Text;
        foreach (var (name, value) in command.Parameters)
        {
            explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        var plan = new List<string>();
        await using var rows = await explain.ExecuteReaderAsync();
        while (await rows.ReadAsync())
        {
            plan.Add(rows.GetString(3));
        }

        return plan;
    }

    private sealed record RecordedCommand(string Text, List<(string Name, object? Value)> Parameters);

    private sealed class CommandRecorder : DbCommandInterceptor
    {
        public List<RecordedCommand> Commands { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Commands.Add(new RecordedCommand(
                command.CommandText, command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToList()));
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    private sealed class RecordingFactory(TestDatabase database, CommandRecorder recorder) : IDbContextFactory<WhatsAppDbContext>
    {
        public WhatsAppDbContext CreateDbContext()
        {
            var options = new DbContextOptionsBuilder<SqliteWhatsAppDbContext>()
                .UseSqlite(database.CreateDbContext().Database.GetConnectionString())
                .AddInterceptors(recorder)
                .Options;
            return new SqliteWhatsAppDbContext(options);
        }
    }
}
