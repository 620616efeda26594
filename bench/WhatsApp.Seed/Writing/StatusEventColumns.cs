namespace WhatsApp.Seed.Writing;

/// <summary>MessageStatusEvents rows: status reports already applied to their message.</summary>
internal static class StatusEventColumns
{
    public static readonly InsertShape Shape = new("MessageStatusEvents",
        ["Id", "MessageId", "ProviderMessageId", "Status", "Sequence", "ProviderTime", "ReceivedAt", "ErrorCode", "Reason"],
        new Dictionary<string, string> { ["Applied"] = "1" });

    public static object[] Values(StatusEventRow row) =>
    [
        SqliteText.Of(row.Id),
        SqliteText.Of(row.MessageId),
        row.ProviderMessageId,
        row.Status.ToString(),
        row.Sequence,
        SqliteText.Of(row.ProviderTime),
        SqliteText.Of(row.ReceivedAt),
        SqliteText.OrNull(row.ErrorCode),
        SqliteText.OrNull(row.Reason),
    ];
}
