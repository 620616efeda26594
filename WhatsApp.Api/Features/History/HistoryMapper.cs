using WhatsApp.Domain.Contacts;
using WhatsApp.Domain.History;
using WhatsApp.Domain.Messages;

namespace WhatsApp.Api.Features.History;

public static class HistoryMapper
{
    public static MessageListItem ToListItem(this Message m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return new MessageListItem(
            m.Id, Wire.Name(m.Direction), Wire.Name(m.Type), m.From, m.To, m.Contact, Wire.Name(m.Status), m.Content.Text, m.Content.MediaUrl,
            m.TemplateName, m.ProviderMessageId, m.ErrorCode, m.ErrorReason, m.CreatedAt, m.UpdatedAt, m.ResendOf, m.Metadata, m.SentBy);
    }

    public static ConversationSummaryResponse ToResponse(this ConversationRow row, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(row);
        var last = row.LastMessage is { } m
            ? new LastMessageResponse(m.Id, Wire.Name(m.Direction), Wire.Name(m.Type), Wire.Name(m.Status), m.Body, m.CreatedAt)
            : null;
        return new ConversationSummaryResponse(
            row.Contact, row.OurNumber, last, row.InboundCount, row.OutboundCount, row.FailedCount, row.LastInboundAt,
            CustomerServiceWindow.IsOpen(row.LastInboundAt, now), CustomerServiceWindow.ClosesAt(row.LastInboundAt));
    }
}
