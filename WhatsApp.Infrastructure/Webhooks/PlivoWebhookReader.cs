using WhatsApp.Domain.Messages;
using WhatsApp.Domain.Ports;
using WhatsApp.Domain.Webhooks;

namespace WhatsApp.Infrastructure.Webhooks;

/// <summary>Reads Plivo's webhook forms (<see cref="PlivoWebhookParser"/>) into what the domain applies.</summary>
internal sealed class PlivoWebhookReader : IWebhookReader
{
    public ReadWebhook Read(WebhookDelivery delivery)
    {
        delivery = StoredText.WithoutNul(delivery);
        var fields = new PlivoFields(delivery.Fields);
        var kind = PlivoWebhookParser.Classify(fields);
        var contact = PlivoFields.ToE164(kind == ReadWebhook.StatusKind ? fields.Get("To") : fields.Get("From"));
        var read = new ReadWebhook(delivery, kind, contact);
        try
        {
            return kind switch
            {
                ReadWebhook.InboundKind => read with { Inbound = Inbound(PlivoWebhookParser.ParseInbound(fields), delivery.ReceivedAt) },
                ReadWebhook.StatusKind => read with { Status = PlivoWebhookParser.ParseStatus(fields), Reference = StatusCallbackRef.Of(delivery) },
                _ => throw new FormatException("Neither an inbound message (From and MessageUUID) nor a status report (Status)."),
            };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Kept with the receipt, which staff can replay once the reader understands it.
            return read with { Error = $"{ex.GetType().Name}: {ex.Message}" };
        }
    }

    private static Message Inbound(InboundMessage inbound, DateTimeOffset receivedAt) => Message.CreateInbound(
        Guid.CreateVersion7(receivedAt), inbound.From, inbound.To, inbound.ProviderMessageId, inbound.Type, inbound.Content, inbound.Details, receivedAt);
}
