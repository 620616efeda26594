namespace WhatsApp.Infrastructure.Persistence.Configurations;

/// <summary>
/// The erasure's view of Messages (<see cref="ColumnErasure"/>): what was written to or by the customer goes; what
/// the gateway needs to count, audit and deliver stays, as the README's Privacy section promises.
/// </summary>
internal static class MessageColumns
{
    private const string Metadata = "metadata an erasure keeps (README, Privacy)";
    private const string Dispatch = "the dispatcher's working state, no content";

    public static ColumnErasure Erasure { get; } = new(
        "Messages",
        [
            ("Body", ErasedAs.Null),
            ("MediaUrl", ErasedAs.Null),
            ("Template", ErasedAs.Null),
            ("Interactive", ErasedAs.Null),
            ("Location", ErasedAs.Null),
            (MessageConfiguration.SearchText, ErasedAs.Null),
            ("Inbound", ErasedAs.InboundWithoutContent),
        ],
        new Dictionary<string, string>
        {
            ["Id"] = Metadata,
            ["Direction"] = Metadata,
            ["Type"] = Metadata,
            ["Status"] = Metadata,
            ["From"] = "a number: " + Metadata,
            ["To"] = "a number: " + Metadata,
            ["Contact"] = "a number, by which an erasure finds the contact's rows: " + Metadata,
            ["ProviderMessageId"] = Metadata,
            ["ErrorCode"] = Metadata,
            ["ErrorReason"] = "Plivo's or the gateway's error text: " + Metadata,
            ["TemplateName"] = "the business's template, not the customer's words: " + Metadata,
            ["CreatedAt"] = Metadata,
            ["UpdatedAt"] = Metadata,
            ["SentAt"] = Metadata,
            ["ResendOf"] = "a link between two messages: " + Metadata,
            ["OutsideWindow"] = "how the window policy judged the send: " + Metadata,
            ["Conversation"] = "WhatsApp's billing conversation (id, origin, expiry): " + Metadata,
            ["ClientName"] = "which API client sent it: " + Metadata,
            ["Attempts"] = Dispatch,
            ["NextAttemptAt"] = Dispatch,
            [MessageConfiguration.LeaseOwner] = Dispatch,
            [MessageConfiguration.LeaseExpiresAt] = Dispatch,
        });
}
