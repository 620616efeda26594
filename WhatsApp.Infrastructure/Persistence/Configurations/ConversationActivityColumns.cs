namespace WhatsApp.Infrastructure.Persistence.Configurations;

/// <summary>The erasure's view of ConversationActivities (<see cref="ColumnErasure"/>): a note's text may quote the customer.</summary>
internal static class ConversationActivityColumns
{
    private const string Audit = "who did what in the conversation, and when: the audit an erasure keeps";

    public static ColumnErasure Erasure { get; } = new(
        "ConversationActivities",
        [("Text", ErasedAs.Null)],
        new Dictionary<string, string>
        {
            ["Id"] = Audit,
            ["Contact"] = Audit,
            ["Kind"] = Audit,
            ["Actor"] = "a staff member's email or an API key's name: " + Audit,
            ["CreatedAt"] = Audit,
        });
}
