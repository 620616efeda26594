using Microsoft.Extensions.Logging;
using WhatsApp.Domain.Ports;
using WhatsApp.Domain.Privacy;

namespace WhatsApp.Infrastructure.Privacy;

/// <summary>Logs each contact erased, the number masked.</summary>
internal sealed partial class ErasureObserver(ILogger<ErasureObserver> logger) : IErasureObserver
{
    public void ContactErased(string contact, ErasureResult erased) => LogContactErased(ContactMask.Mask(contact), erased.Messages, erased.WebhookReceipts);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Erased the content of {Messages} messages and {WebhookReceipts} webhook receipts of contact {Contact}")]
    private partial void LogContactErased(string contact, int messages, int webhookReceipts);
}
