namespace WhatsApp.Domain.Messages;

/// <summary>
/// The payload of a message. <see cref="Text"/> is the body (text) or caption (media); at most one of the
/// structured parts is set, matching the message type.
/// </summary>
public sealed record MessageContent(
    string? Text = null,
    string? MediaUrl = null,
    TemplateContent? Template = null,
    InteractiveContent? Interactive = null,
    LocationContent? Location = null)
{
    /// <summary>The error of an outbound message whose content was erased (its contact's data) before it went out.</summary>
    public const string ErasedErrorCode = "content_erased";

    public const string ErasedReason = "The contact's data was erased before this message was sent.";

    /// <summary>Nothing left to send: an outbound message always has content, so this one's was erased.</summary>
    public bool IsEmpty => Text is null && MediaUrl is null && Template is null && Interactive is null && Location is null;

    public static MessageContent ForText(string text) => new(Text: text);

    public static MessageContent ForMedia(string url, string? caption) => new(Text: caption, MediaUrl: url);
}
