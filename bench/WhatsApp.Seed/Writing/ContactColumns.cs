using WhatsApp.Seed.Planning;

namespace WhatsApp.Seed.Writing;

/// <summary>Contacts rows: each contact's conversation summary, as <c>ConversationSummary</c> keeps it.</summary>
internal static class ContactColumns
{
    public static readonly InsertShape Shape = new("Contacts",
        ["Number", "OurNumber", "FirstSeenAt", "LastInboundAt", "LastMessageId", "LastMessageAt", "InboundCount", "OutboundCount", "FailedCount"]);

    /// <summary>Indexes of <paramref name="contacts"/> by number in byte order (the key order of both providers).</summary>
    public static IEnumerable<int> InKeyOrder(ContactProfile[] contacts) =>
        Enumerable.Range(0, contacts.Length).OrderBy(i => contacts[i].Number, StringComparer.Ordinal);

    public static object[] Values(string number, ContactState state) =>
    [
        number,
        state.OurNumber,
        SqliteText.Of(state.FirstSeenAt),
        SqliteText.OrNull(state.LastInboundAt),
        state.LastMessageId is { } id ? SqliteText.Of(id) : DBNull.Value,
        SqliteText.Of(state.LastMessageAt),
        state.InboundCount,
        state.OutboundCount,
        state.FailedCount,
    ];
}
