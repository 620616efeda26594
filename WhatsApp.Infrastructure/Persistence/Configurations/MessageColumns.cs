namespace WhatsApp.Infrastructure.Persistence.Configurations;

/// <summary>
/// The erasure's view of Messages (<see cref="ColumnErasure"/>): what was written to or by the customer goes; what
/// the gateway needs to count, audit and deliver stays, as the README's Privacy section promises.
/// </summary>
internal static class MessageColumns
{
    private const string Kept = "delivery facts an erasure keeps (README, Privacy)";
    private const string Dispatch = "the dispatcher's working state, no content";

    public static ColumnErasure Erasure { get; } = new(
        "Messages",
        [
            ("Body", ErasedAs.Null),
            ("MediaUrl", ErasedAs.Null),
            ("Template", ErasedAs.Null),
            ("Interactive", ErasedAs.Null),
            ("Location", ErasedAs.Null),
            ("Metadata", ErasedAs.Null),
            (MessageConfiguration.SearchText, ErasedAs.Null),
            ("Inbound", ErasedAs.InboundWithoutContent),
        ],
        new Dictionary<string, string>
        {
            ["Id"] = Kept,
            ["Direction"] = Kept,
            ["Type"] = Kept,
            ["Status"] = Kept,
            ["From"] = "a number: " + Kept,
            ["To"] = "a number: " + Kept,
            ["Contact"] = "a number, by which an erasure finds the contact's rows: " + Kept,
            ["ProviderMessageId"] = Kept,
            ["ErrorCode"] = Kept,
            ["ErrorReason"] = "Plivo's or the gateway's error text: " + Kept,
            ["TemplateName"] = "the business's template, not the customer's words: " + Kept,
            ["CreatedAt"] = Kept,
            ["UpdatedAt"] = Kept,
            ["SentAt"] = Kept,
            ["ResendOf"] = "a link between two messages: " + Kept,
            ["OutsideWindow"] = "how the window policy judged the send: " + Kept,
            ["Conversation"] = "WhatsApp's billing conversation (id, origin, expiry): " + Kept,
            ["ClientName"] = "which API client sent it: " + Kept,
            ["SentBy"] = "which inbox user wrote it, staff not customer: " + Kept,
            ["Attempts"] = Dispatch,
            ["NextAttemptAt"] = Dispatch,
            [MessageConfiguration.LeaseOwner] = Dispatch,
            [MessageConfiguration.LeaseExpiresAt] = Dispatch,
        });
}
