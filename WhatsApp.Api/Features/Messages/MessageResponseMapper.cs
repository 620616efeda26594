using WhatsApp.Domain.Messages;

namespace WhatsApp.Api.Features.Messages;

public static class MessageResponseMapper
{
    public static MessageResponse ToResponse(this Message message, IReadOnlyList<MessageStatusEvent>? history = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new MessageResponse
        {
            Id = message.Id,
            Direction = Wire.Name(message.Direction),
            Type = Wire.Name(message.Type),
            From = message.From,
            To = message.To,
            Status = Wire.Name(message.Status),
            Body = message.Content.Text,
            MediaUrl = message.Content.MediaUrl,
            TemplateName = message.TemplateName ?? message.Content.Template?.Name,
            ProviderMessageId = message.ProviderMessageId,
            ErrorCode = message.ErrorCode,
            ErrorReason = message.ErrorReason,
            Attempts = message.Attempts,
            OutsideWindow = message.OutsideWindow,
            Conversation = message.Conversation is { } c ? new ConversationResponse(c.Id, c.Origin, c.ExpiresAt) : null,
            ResendOf = message.ResendOf,
            CreatedAt = message.CreatedAt,
            UpdatedAt = message.UpdatedAt,
            SentAt = message.SentAt,
            NextAttemptAt = message.NextAttemptAt,
            Metadata = message.Metadata,
            SentBy = message.SentBy,
            StatusHistory = (history ?? []).Select(e => new StatusEventResponse(
                Wire.Name(e.Status), e.Sequence.Length == 0 ? null : e.Sequence, e.ProviderTime, e.ReceivedAt, e.ErrorCode, e.Reason)).ToList(),
            Inbound = message.Inbound is { } i
                ? new InboundDetailsResponse(i.ContentType, i.MediaUrls, i.MimeType, i.ButtonPayload, i.ButtonText, i.ContextMessageId, i.RawFields)
                : null,
        };
    }

    public static SendMessageResponse ToSendResponse(this Message message)
    {
        ArgumentNullException.ThrowIfNull(message);

        // Acceptance always answers "queued": a replay returns what the first request was told.
        return new SendMessageResponse(message.Id, Wire.Name(MessageStatus.Queued), message.CreatedAt);
    }
}
