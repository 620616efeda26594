using System.Globalization;
using WhatsApp.Domain.Contacts;
using WhatsApp.Domain.History;
using WhatsApp.Domain.Messages;

namespace WhatsApp.Api.Features.Inbox;

/// <summary>
/// The inbox's message search: text plus the history search's main filters, under the same query names as
/// <c>GET /api/messages</c> (so the CSV export link passes them on unchanged). Dates are whole UTC days.
/// </summary>
public sealed record InboxSearch(string? Text, string? Contact, string? Direction, string? Status, string? CreatedFrom, string? CreatedTo)
{
    public static IReadOnlyList<string> Statuses { get; } = [.. Enum.GetValues<MessageStatus>().Select(Wire.Name)];

    public bool IsEmpty => new[] { Text, Contact, Direction, Status, CreatedFrom, CreatedTo }.All(string.IsNullOrWhiteSpace);

    public (string Name, string Message)? Problem() =>
        Text is { Length: > InboxFilters.QueryMaxLength } ? ("q", $"Must be at most {InboxFilters.QueryMaxLength} characters.")
        : Text?.Contains('\0', StringComparison.Ordinal) == true ? ("q", "Must not contain a NUL character.")
        : !string.IsNullOrEmpty(Contact) && !PhoneNumber.IsE164(Contact) ? ("contact", "Must be a number in E.164 form (+14155550100).")
        : Direction is not (null or "" or "inbound" or "outbound") ? ("direction", "Must be inbound or outbound.")
        : !string.IsNullOrEmpty(Status) && !Statuses.Contains(Status) ? ("status", $"Must be one of {string.Join(", ", Statuses)}.")
        : !string.IsNullOrEmpty(CreatedFrom) && Day(CreatedFrom) is null ? ("created_from", "Must be a date (yyyy-MM-dd).")
        : !string.IsNullOrEmpty(CreatedTo) && Day(CreatedTo) is null ? ("created_to", "Must be a date (yyyy-MM-dd).")
        : null;

    public MessageFilter ToFilter() => new()
    {
        Text = string.IsNullOrWhiteSpace(Text) ? null : Text.Trim(),
        Contact = string.IsNullOrEmpty(Contact) ? null : Contact,
        Direction = Direction switch { "inbound" => MessageDirection.Inbound, "outbound" => MessageDirection.Outbound, _ => null },
        Statuses = string.IsNullOrEmpty(Status) ? [] : [Enum.GetValues<MessageStatus>().Single(s => Wire.Name(s) == Status)],
        CreatedFrom = Day(CreatedFrom),
        CreatedTo = Day(CreatedTo),
    };

    /// <summary>The search as query parameters, for the next page and the CSV export.</summary>
    public IEnumerable<(string Name, string? Value)> Parameters() =>
        [("q", Text?.Trim()), ("contact", Contact), ("direction", Direction), ("status", Status), ("created_from", CreatedFrom), ("created_to", CreatedTo)];

    private static DateTimeOffset? Day(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
            : null;
}
