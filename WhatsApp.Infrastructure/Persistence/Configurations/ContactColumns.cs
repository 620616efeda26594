namespace WhatsApp.Infrastructure.Persistence.Configurations;

/// <summary>The erasure's view of Contacts (<see cref="ColumnErasure"/>): a conversation summary, numbers and counts, nothing written.</summary>
internal static class ContactColumns
{
    private const string Summary = "the conversation summary: numbers, times and counts, no content";

    public static ColumnErasure Erasure { get; } = new(
        "Contacts",
        [],
        new Dictionary<string, string>
        {
            ["Number"] = Summary,
            ["OurNumber"] = Summary,
            ["FirstSeenAt"] = Summary,
            ["LastInboundAt"] = "the customer service window: " + Summary,
            ["LastMessageId"] = Summary,
            ["LastMessageAt"] = Summary,
            ["InboundCount"] = Summary,
            ["OutboundCount"] = Summary,
            ["FailedCount"] = Summary,
            ["State"] = "open or resolved: " + Summary,
            ["AssignedTo"] = "the staff member (their email) the conversation is assigned to, not a customer's",
            ["AwaitingReply"] = Summary,
        });
}
