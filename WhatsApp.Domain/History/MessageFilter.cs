using WhatsApp.Domain.Messages;

namespace WhatsApp.Domain.History;

/// <summary>Criteria for searching messages; every one is optional and they combine with AND.</summary>
public sealed record MessageFilter
{
    public string? Contact { get; init; }

    public string? From { get; init; }

    public MessageDirection? Direction { get; init; }

    public MessageType? Type { get; init; }

    /// <summary>Any of these statuses (empty: all).</summary>
    public IReadOnlyList<MessageStatus> Statuses { get; init; } = [];

    public string? ErrorCode { get; init; }

    public string? TemplateName { get; init; }

    /// <summary>Inclusive.</summary>
    public DateTimeOffset? CreatedFrom { get; init; }

    /// <summary>Exclusive.</summary>
    public DateTimeOffset? CreatedTo { get; init; }

    /// <summary>Text contained in the body or caption, compared case-insensitively in any script.</summary>
    public string? Text { get; init; }
}
