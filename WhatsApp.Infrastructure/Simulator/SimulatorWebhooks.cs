using System.Globalization;
using WhatsApp.Domain.Webhooks;

namespace WhatsApp.Infrastructure.Simulator;

/// <summary>Builds webhook deliveries shaped like Plivo's, for the simulator to feed through the real processing path.</summary>
public static class SimulatorWebhooks
{
    public const string SignatureVersion = "simulator";

    public static WebhookDelivery Status(string providerMessageId, string from, string to, string status, int sequence, DateTimeOffset at) =>
        Delivery("status", at,
        [
            new("MessageUUID", providerMessageId),
            new("Status", status),
            new("From", Digits(from)),
            new("To", Digits(to)),
            new("Type", "whatsapp"),
            new("Sequence", sequence.ToString(CultureInfo.InvariantCulture)),
            new("MessageTime", at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture)),
        ]);

    public static WebhookDelivery Inbound(string from, string to, string body, DateTimeOffset at) =>
        Delivery("inbound", at,
        [
            new("From", Digits(from)),
            new("To", Digits(to)),
            new("Type", "whatsapp"),
            new("ContentType", "text"),
            new("Body", body),
            new("MessageUUID", Guid.NewGuid().ToString()),
            new("Units", "1"),
        ]);

    private static WebhookDelivery Delivery(string kind, DateTimeOffset at, KeyValuePair<string, string>[] fields) =>
        new($"sim-{Guid.NewGuid():N}", SignatureVersion, "POST", $"simulator://{kind}", fields, at);

    private static string Digits(string number) => number.TrimStart('+');
}
