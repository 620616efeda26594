namespace WhatsApp.Domain.Common;

/// <summary>A free-form message to a contact whose 24-hour window is closed; only templates may be sent.</summary>
public sealed class WindowClosedException(string contact, DateTimeOffset? closedAt)
    : DomainException(closedAt is { } at
        ? $"The 24-hour customer service window with {contact} closed at {at:O}. Send an approved template to reopen the conversation."
        : $"{contact} has never messaged us, so no customer service window is open. Send an approved template to start the conversation.")
{
    public string Contact { get; } = contact;

    public DateTimeOffset? ClosedAt { get; } = closedAt;
}
