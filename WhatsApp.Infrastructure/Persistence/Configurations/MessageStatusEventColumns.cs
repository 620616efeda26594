namespace WhatsApp.Infrastructure.Persistence.Configurations;

/// <summary>The erasure's view of MessageStatusEvents (<see cref="ColumnErasure"/>): Plivo's status reports, no content.</summary>
internal static class MessageStatusEventColumns
{
    private const string History = "the status history an erasure keeps (README, Privacy)";

    public static ColumnErasure Erasure { get; } = new(
        "MessageStatusEvents",
        [],
        new Dictionary<string, string>
        {
            ["Id"] = History,
            ["MessageId"] = History,
            ["ProviderMessageId"] = History,
            ["Status"] = History,
            ["Sequence"] = History,
            ["ProviderTime"] = History,
            ["ReceivedAt"] = History,
            ["ErrorCode"] = History,
            ["Reason"] = "Plivo's error text: " + History,
            ["Applied"] = History,
        });
}
