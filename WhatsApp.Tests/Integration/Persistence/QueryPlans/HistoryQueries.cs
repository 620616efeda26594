using WhatsApp.Domain.History;
using WhatsApp.Domain.Messages;

namespace WhatsApp.Tests.Integration.Persistence.QueryPlans;

/// <summary>The queries of the history endpoints, one per filter they offer, shared by the SQLite and PostgreSQL plan tests.</summary>
internal static class HistoryQueries
{
    /// <summary>The primary key of Messages (SQLite names its index <c>sqlite_autoindex_Messages_1</c>).</summary>
    public const string MessagesKey = "PK_Messages";

    /// <summary>The conversation list's order: most recent activity first.</summary>
    public const string ActivityIndex = "IX_Contacts_LastMessageAt_Number";

    private const int Page = 51;

    private static readonly DateTimeOffset Now = PlanSeed.Now;
    private static readonly MessageCursor Older = new(Guid.CreateVersion7(Now.AddHours(-1)));

    // Every filter of GET /api/messages and its CSV export, with a value the seed holds. Only three may walk the key:
    // no filter; a date range, which is an id range (ids are UUID v7), so the key is its index; and text in more
    // messages than the trigram index's cap ("order" is in nearly all), where the walk meets a page's worth soonest.
    // Rare text and text in none are answered from the trigram index.
    private static readonly (string Name, MessageFilter Filter, string? Walk)[] Filters =
    [
        ("contact", new() { Contact = PlanSeed.Customer }, null),
        ("from", new() { From = PlanSeed.Customer }, null),
        ("direction", new() { Direction = MessageDirection.Inbound }, null),
        ("type", new() { Type = MessageType.Template }, null),
        ("status", new() { Statuses = [MessageStatus.Failed] }, null),
        ("error code", new() { ErrorCode = PlanSeed.ErrorCode }, null),
        ("template name", new() { TemplateName = PlanSeed.TemplateName }, null),
        ("status and dates", new() { Statuses = [MessageStatus.Failed], CreatedFrom = Now.AddDays(-7), CreatedTo = Now }, null),
        ("several statuses and a date", new() { Statuses = [MessageStatus.Failed, MessageStatus.Undelivered], CreatedFrom = Now.AddDays(-7) }, null),
        ("dates", new() { CreatedFrom = Now.AddDays(-1), CreatedTo = Now }, MessagesKey),
        ("text", new() { Text = "order" }, MessagesKey),
        ("rare text", new() { Text = "where" }, null),
        ("text matching nothing", new() { Text = "zzqxj" }, null),
        ("nothing", new(), MessagesKey),
    ];

    public static IReadOnlyList<PlanCase> All { get; } =
    [
        .. Filters.SelectMany(f => new PlanCase[]
        {
            new($"search by {f.Name}", r => r.SearchAsync(f.Filter, null, Page, default), f.Walk),
            new($"search by {f.Name}, older page", r => r.SearchAsync(f.Filter, Older, Page, default), f.Walk),
            new($"export by {f.Name}", async r => await r.ExportAsync(f.Filter, default).CountAsync(), f.Walk),
        }),
        new("timeline, newer page", r => r.SearchAsync(new() { Contact = PlanSeed.Customer }, Older with { Newer = true }, Page, default)),
        new("conversations", r => r.ConversationsAsync(new(), null, Page, Now, default), ActivityIndex),
        new("conversations, window open", r => r.ConversationsAsync(new() { WindowOpen = true }, null, Page, Now, default), ActivityIndex),
        new("conversations, window closed", r => r.ConversationsAsync(new() { WindowOpen = false }, null, Page, Now, default), ActivityIndex),
        new("conversations, failed, next page", r => r.ConversationsAsync(
            new() { HasFailed = true }, new ConversationCursor(Now, PlanSeed.Customer), Page, Now, default), ActivityIndex),
        new("conversations by number prefix", r => r.ConversationsAsync(new() { NumberPrefix = "+1415" }, null, Page, Now, default), ActivityIndex),
    ];

    public static IEnumerable<string> Names => All.Select(c => c.Name);

    /// <summary>Cases with the index each needs: dropped, the plan must break the rules (the proof that they can fail).</summary>
    public static IEnumerable<TestCaseData> WithoutTheirIndex { get; } =
    [
        new("IX_Messages_ErrorCode_Id", "search by error code"),
        new("IX_Messages_ErrorCode_Id", "search by error code, older page"),
        new("IX_Messages_ErrorCode_Id", "export by error code"),
        new("IX_Messages_Status_Id", "search by status and dates"),
        new("IX_Messages_Contact_Id", "timeline, newer page"),
        new("IX_Messages_Direction_Id", "search by direction"),
    ];

    public static PlanCase Named(string name) => All.Single(c => c.Name == name);
}
