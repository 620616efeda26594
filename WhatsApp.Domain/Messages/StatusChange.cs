namespace WhatsApp.Domain.Messages;

/// <summary>
/// A message's new status from its reports, made only while it is still in one of <paramref name="From"/> (another
/// writer may have moved it since it was read). A failure carries its report's error; any other status clears the
/// error of an unsettled send (<paramref name="ClearErrorFrom"/>) and keeps one a failed attempt left on a sent message.
/// </summary>
public sealed record StatusChange(
    MessageStatus To,
    IReadOnlyList<MessageStatus> From,
    string? ErrorCode,
    string? ErrorReason,
    IReadOnlyList<MessageStatus> ClearErrorFrom)
{
    public bool IsFailure => To is MessageStatus.Failed or MessageStatus.Undelivered;
}
