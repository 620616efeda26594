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
    /// <summary>No part is set: for an outbound message, its content was erased (an outbound message always has some).</summary>
    public bool IsEmpty => Text is null && MediaUrl is null && Template is null && Interactive is null && Location is null;

    public static MessageContent ForText(string text) => new(Text: text);

    public static MessageContent ForMedia(string url, string? caption) => new(Text: caption, MediaUrl: url);
}
