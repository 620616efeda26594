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
    public static MessageContent ForText(string text) => new(Text: text);

    public static MessageContent ForMedia(string url, string? caption) => new(Text: caption, MediaUrl: url);
}
