using System.Globalization;
using WhatsApp.Domain.Messages;
using WhatsApp.Seed.Planning;

namespace WhatsApp.Seed.Content;

/// <summary>The approved templates the seeded business sends, with the parameters each one takes.</summary>
internal static class TemplateCatalog
{
    private static readonly Entry[] Entries =
    [
        new("order_update", "utility", 30, [("track", "Track order"), ("help", "Talk to us")]),
        new("shipping_notice", "utility", 25, []),
        new("otp_code", "authentication", 20, []),
        new("payment_reminder", "utility", 10, []),
        new("appointment_reminder", "utility", 8, [("confirm", "Confirm"), ("reschedule", "Reschedule")]),
        new("spring_sale", "marketing", 7, [("stop_promotions", "Stop promotions")]),
    ];

    private static readonly int TotalWeight = Entries.Sum(e => e.Weight);

    private static readonly string[] LanguageCodes = ["en_US", "es", "ru", "el", "ar", "hi", "zh_CN"];

    private static readonly string[] Carriers = ["DHL", "UPS", "FedEx", "Correos", "СДЭК", "Delhivery", "顺丰速运"];

    public static byte Pick(Random random)
    {
        var pick = random.Next(TotalWeight);
        byte index = 0;
        while (pick >= Entries[index].Weight)
        {
            pick -= Entries[index].Weight;
            index++;
        }

        return index;
    }

    public static string Name(byte index) => Entries[index].Name;

    /// <summary>WhatsApp's conversation category for the template (what Plivo reports as ConversationOrigin).</summary>
    public static string Origin(byte index) => Entries[index].Origin;

    public static bool HasQuickReplies(byte index) => Entries[index].QuickReplies.Length > 0;

    public static (string Payload, string Text) QuickReply(byte index, Random random) =>
        Entries[index].QuickReplies[random.Next(Entries[index].QuickReplies.Length)];

    public static TemplateContent Build(byte index, Language language, string order, Random random)
    {
        var entry = Entries[index];
        var code = random.Next(100_000, 1_000_000).ToString(CultureInfo.InvariantCulture);
        var day = new DateTime(2026, 1, 1).AddDays(random.Next(365)).ToString("MMM d", CultureInfo.InvariantCulture);
        List<TemplateComponent> components = entry.Name switch
        {
            "order_update" => [Body(Text(order), Text("in transit"))],
            "shipping_notice" =>
            [
                Body(Text(order), Text(Carriers[random.Next(Carriers.Length)]), new TemplateParameter("date_time", DateTime: new TemplateDateTime(day))),
                new TemplateComponent("button", "url", "0", [Text("T" + code + order[2..])]),
            ],
            "otp_code" => [Body(Text(code)), new TemplateComponent("button", "url", "0", [Text(code)])],
            "payment_reminder" =>
            [
                Body(Text(order), Amount(random), new TemplateParameter("date_time", DateTime: new TemplateDateTime(day))),
            ],
            "appointment_reminder" => [Body(new TemplateParameter("date_time", DateTime: new TemplateDateTime(day)), Text("10:30"))],
            _ =>
            [
                new TemplateComponent("header", null, null, [new TemplateParameter("image", Media: "https://cdn.example.com/promo/spring.jpg")]),
                Body(Text(random.Next(1, 5) * 10 + "%")),
            ],
        };

        for (var i = 0; i < entry.QuickReplies.Length; i++)
        {
            components.Add(new TemplateComponent("button", "quick_reply", i.ToString(CultureInfo.InvariantCulture),
                [new TemplateParameter("payload", Payload: entry.QuickReplies[i].Payload)]));
        }

        return new TemplateContent(entry.Name, LanguageCodes[(int)language], components);
    }

    private static TemplateComponent Body(params TemplateParameter[] parameters) => new("body", null, null, parameters);

    private static TemplateParameter Text(string text) => new("text", Text: text);

    private static TemplateParameter Amount(Random random)
    {
        var cents = random.Next(500, 50_000);
        var fallback = "$" + (cents / 100m).ToString("0.00", CultureInfo.InvariantCulture);
        return new TemplateParameter("currency", Currency: new TemplateCurrency(fallback, "USD", cents * 10L));
    }

    private sealed record Entry(string Name, string Origin, int Weight, (string Payload, string Text)[] QuickReplies);
}
