using System.Buffers.Text;
using System.Globalization;
using System.Text;
using WhatsApp.Domain.History;

namespace WhatsApp.Api.Paging;

/// <summary>
/// Opaque, URL-safe page cursors. Clients pass them back unchanged; their content is an implementation detail that
/// may change (hence the version tag).
/// </summary>
public static class CursorCodec
{
    private const string MessagePrefix = "m1";
    private const string ConversationPrefix = "c1";

    public static string Encode(MessageCursor cursor)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        return Pack($"{MessagePrefix}|{cursor.Id:N}|{(cursor.Newer ? "n" : "o")}");
    }

    public static string Encode(ConversationCursor cursor)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        return Pack($"{ConversationPrefix}|{cursor.LastMessageAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}|{cursor.Contact}");
    }

    public static bool TryDecode(string? text, out MessageCursor? cursor)
    {
        cursor = null;
        var parts = Unpack(text);
        if (parts is not [MessagePrefix, var id, "n" or "o"] || !Guid.TryParseExact(id, "N", out var guid))
        {
            return false;
        }

        cursor = new MessageCursor(guid, Newer: parts[2] == "n");
        return true;
    }

    public static bool TryDecode(string? text, out ConversationCursor? cursor)
    {
        cursor = null;
        var parts = Unpack(text);
        if (parts is not [ConversationPrefix, var ticks, var contact]
            || !long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var utcTicks)
            || utcTicks > DateTimeOffset.MaxValue.UtcTicks || contact.Length is 0 or > 20)
        {
            return false;
        }

        cursor = new ConversationCursor(new DateTimeOffset(utcTicks, TimeSpan.Zero), contact);
        return true;
    }

    private static string Pack(string text) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));

    private static string[]? Unpack(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > 200)
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text)).Split('|');
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
