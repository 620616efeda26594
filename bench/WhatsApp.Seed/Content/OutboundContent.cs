using WhatsApp.Domain.Messages;
using WhatsApp.Seed.Planning;

namespace WhatsApp.Seed.Content;

/// <summary>Outbound payloads shaped as the API maps them: body only for text and media captions.</summary>
internal sealed class OutboundContent(Random random, BodyComposer bodies)
{
    private static readonly LocationContent[] Stores =
    [
        new("37.7749", "-122.4194", "Market Street store", "1 Market St, San Francisco, CA"),
        new("51.5072", "-0.1276", "Strand store", "100 Strand, London WC2R 0AA"),
        new("40.4168", "-3.7038", "Tienda Sol", "Puerta del Sol 1, Madrid"),
        new("55.7558", "37.6173", "Магазин на Тверской", "Тверская ул., 7, Москва"),
        new("19.076", "72.8777", "Bandra store", null),
        new("37.9838", "23.7275", null, null),
    ];

    private static readonly string[] MediaExtensions = ["jpg", "jpg", "png", "pdf", "mp4"];

    public MessageContent Build(MessageType type, Language language, string order, byte template) => type switch
    {
        MessageType.Text => MessageContent.ForText(bodies.Compose(language, fromCustomer: false, order)),
        MessageType.Media => MessageContent.ForMedia(
            $"https://cdn.example.com/media/{SeededIds.Hex(random, 8)}.{MediaExtensions[random.Next(MediaExtensions.Length)]}",
            random.NextDouble() < 0.5 ? bodies.Compose(language, fromCustomer: false, order) : null),
        MessageType.Template => new MessageContent(Template: TemplateCatalog.Build(template, language, order, random)),
        MessageType.Interactive => new MessageContent(Interactive: Interactive(language, order)),
        _ => new MessageContent(Location: Stores[random.Next(Stores.Length)]),
    };

    private InteractiveContent Interactive(Language language, string order)
    {
        var phrases = Phrases.Agent[(int)language];
        var prompt = new InteractiveText(phrases[random.Next(phrases.Length)].Replace("{order}", order, StringComparison.Ordinal));
        return random.Next(3) switch
        {
            0 => new InteractiveContent("button", null, prompt, new InteractiveText("Reply below"),
                new InteractiveAction([new InteractiveButton("yes", "Yes", null), new InteractiveButton("no", "No", null)], null)),
            1 => new InteractiveContent("list", new InteractiveHeader("text", "Order " + order, null), prompt, null,
                new InteractiveAction(null,
                [
                    new InteractiveSection("Options",
                    [
                        new InteractiveRow("track", "Track order", "See where your parcel is"),
                        new InteractiveRow("return", "Return an item", null),
                        new InteractiveRow("agent", "Talk to an agent", null),
                    ]),
                ])),
            _ => new InteractiveContent("cta_url", null, prompt, null,
                new InteractiveAction([new InteractiveButton(null, "Track", "https://track.example.com/" + order)], null)),
        };
    }
}
