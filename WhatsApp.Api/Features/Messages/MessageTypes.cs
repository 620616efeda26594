namespace WhatsApp.Api.Features.Messages;

/// <summary>The <c>type</c> values of <c>POST /api/messages</c>.</summary>
public static class MessageTypes
{
    public const string Text = "text";
    public const string Media = "media";
    public const string Template = "template";
    public const string Interactive = "interactive";
    public const string Location = "location";

    public static IReadOnlyList<string> All { get; } = [Text, Media, Template, Interactive, Location];

    /// <summary>The type a request means: an absent <c>type</c> is a text message.</summary>
    public static string Of(string? type) => type ?? Text;
}
