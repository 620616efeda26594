namespace WhatsApp.Domain.History;

public sealed record ConversationFilter
{
    /// <summary>True: only contacts whose service window is open; false: only closed; null: all.</summary>
    public bool? WindowOpen { get; init; }

    /// <summary>Only contacts with at least one failed or undelivered message.</summary>
    public bool HasFailed { get; init; }

    /// <summary>Prefix of the contact's number, e.g. <c>+4420</c>.</summary>
    public string? NumberPrefix { get; init; }
}
