namespace WhatsApp.Infrastructure.Persistence.Configurations;

/// <summary>
/// What an erasure (a contact's data, or content retention) does with each column of one table: the columns that hold
/// customer content, each with how it is erased, and every other column with the reason it is kept. ErasureSql builds
/// its statements from these lists; ColumnClassificationTests fails, naming the column, on a column in neither.
/// </summary>
internal sealed record ColumnErasure(string Table, IReadOnlyList<(string Column, ErasedAs As)> Erased, IReadOnlyDictionary<string, string> Kept)
{
    /// <summary>Every table that holds something of a customer's.</summary>
    public static IReadOnlyList<ColumnErasure> All { get; } =
        [MessageColumns.Erasure, WebhookReceiptColumns.Erasure, ContactColumns.Erasure, MessageStatusEventColumns.Erasure, ConversationActivityColumns.Erasure];

    /// <summary>The tables that hold nothing of a customer's, each with the reason.</summary>
    public static IReadOnlyDictionary<string, string> NothingOfACustomer { get; } = new Dictionary<string, string>
    {
        ["IdempotencyKeys"] = "an API client's key and a SHA-256 of its request, purged after Dispatch:IdempotencyKeyRetention",
        ["WebhookNonces"] = "signature nonces, purged after the replay window",
        ["SenderPacing"] = "our own sender numbers' next send slot (PostgreSQL)",
        ["SenderPermits"] = "our own sender numbers' send permits (PostgreSQL)",
        ["Events"] = "ids, types, statuses and numbers: a delivery renders the message as it is at each attempt, so erased content goes out erased",
        ["WebhookEndpoints"] = "the business's own receivers and their secrets",
        ["EventDeliveries"] = "which event went to which endpoint, and when",
        ["DeliveryAttempts"] = "the business's own receivers' answers (their first KiB), removed with their endpoint",
        ["ConversationReads"] = "how far each staff member has read each conversation: a time, no content",
        ["Users"] = "the inbox's staff accounts (names, emails, password hashes), not customers",
        ["UserClaims"] = "claims of the inbox's staff accounts",
        ["UserLogins"] = "external sign-ins of the inbox's staff accounts",
        ["UserTokens"] = "tokens of the inbox's staff accounts",
    };
}
