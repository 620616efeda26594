using System.Text.Json;
using WhatsApp.Domain.Messages;

namespace WhatsApp.Api.Contracts;

public static class MessageResponseMapper
{
    public static MessageResponse ToResponse(this Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new MessageResponse(
            message.Id,
            Wire(message.Direction),
            Wire(message.Type),
            message.From,
            message.To,
            Wire(message.Status),
            message.ProviderMessageId,
            message.ErrorCode,
            message.ErrorReason,
            message.Attempts,
            message.CreatedAt,
            message.UpdatedAt,
            message.SentAt,
            message.NextAttemptAt);
    }

    public static SendMessageResponse ToSendResponse(this Message message)
    {
        ArgumentNullException.ThrowIfNull(message);

        // Acceptance always answers "queued": a replay returns what the first request was told.
        return new SendMessageResponse(message.Id, Wire(MessageStatus.Queued), message.CreatedAt);
    }

    /// <summary>Enum names as they appear on the wire: <c>OutcomeUnknown</c> becomes <c>outcome_unknown</c>.</summary>
    public static string Wire<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
