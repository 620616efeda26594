using System.Globalization;

namespace WhatsApp.Bench.SignWebhooks;

/// <summary>The form fields of an inbound WhatsApp text as Plivo posts them.</summary>
internal static class InboundForm
{
    private static readonly string[] Phrases =
    [
        "Hi, where is my order?", "Can I change the delivery address?", "Thanks, received it", "Is the shop open today?",
        "I need a refund for order", "Please call me back", "What time does the courier come?", "The item arrived damaged",
    ];

    public static List<KeyValuePair<string, string>> Create(int index, int contacts, string to)
    {
        var contact = (919_800_000_000L + (index % contacts)).ToString(CultureInfo.InvariantCulture);
        return
        [
            new("From", contact),
            new("To", to),
            new("Type", "whatsapp"),
            new("ContentType", "text"),
            new("Body", $"{Phrases[index % Phrases.Length]} #{index}"),
            new("MessageUUID", Guid.NewGuid().ToString()),
            new("Units", "1"),
        ];
    }

    public static string Encode(IEnumerable<KeyValuePair<string, string>> fields) =>
        string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));
}
