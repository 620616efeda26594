using System.Globalization;
using WhatsApp.Domain.Contacts;
using WhatsApp.Domain.Messages;

namespace WhatsApp.Api.Features.Inbox;

/// <summary>How the thread reads: ticks for the eye, a word for everyone, a map for a location.</summary>
public static class InboxText
{
    public static string Ticks(MessageStatus status) => status switch
    {
        MessageStatus.Sent => "✓",
        MessageStatus.Delivered or MessageStatus.Read => "✓✓",
        MessageStatus.Failed or MessageStatus.Undelivered => "✕",
        MessageStatus.OutcomeUnknown => "?",
        _ => "🕓",
    };

    public static string StatusName(MessageStatus status) => status == MessageStatus.OutcomeUnknown ? "outcome unknown" : Wire.Name(status);

    /// <summary>An OpenStreetMap link when both coordinates are numbers; null otherwise (never a link built from text).</summary>
    public static string? MapLink(LocationContent location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return double.TryParse(location.Latitude, NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
            && double.TryParse(location.Longitude, NumberStyles.Float, CultureInfo.InvariantCulture, out var lon)
            && Math.Abs(lat) <= 90 && Math.Abs(lon) <= 180
            ? FormattableString.Invariant($"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=16/{lat}/{lon}")
            : null;
    }

    /// <summary>What staff did, as a line in the thread (a note is shown as itself).</summary>
    public static string Activity(ConversationActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.Kind switch
        {
            ConversationActivityKind.Resolved => "Resolved",
            ConversationActivityKind.Reopened => "Reopened",
            ConversationActivityKind.Assigned => $"Assigned to {activity.Text}",
            ConversationActivityKind.Unassigned => "Unassigned",
            ConversationActivityKind.Erased => "The customer's data was erased",
            _ => "Note",
        };
    }
}
