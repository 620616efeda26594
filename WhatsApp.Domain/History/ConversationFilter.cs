using WhatsApp.Domain.Contacts;

namespace WhatsApp.Domain.History;

public sealed record ConversationFilter
{
    /// <summary>True: only contacts whose service window is open; false: only closed; null: all.</summary>
    public bool? WindowOpen { get; init; }

    /// <summary>Only contacts with at least one failed or undelivered message.</summary>
    public bool HasFailed { get; init; }

    /// <summary>Prefix of the contact's number, e.g. <c>+4420</c>.</summary>
    public string? NumberPrefix { get; init; }

    /// <summary>Only open or only resolved conversations; null: both.</summary>
    public ConversationState? State { get; init; }

    /// <summary>Only conversations whose latest message is the customer's, not yet answered.</summary>
    public bool AwaitingReply { get; init; }

    /// <summary>Only conversations assigned to this agent (their email).</summary>
    public string? AssignedTo { get; init; }

    /// <summary>Only conversations assigned to nobody.</summary>
    public bool Unassigned { get; init; }
}
