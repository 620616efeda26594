using System.Globalization;
using WhatsApp.Domain.Messages;
using WhatsApp.Seed.Planning;

namespace WhatsApp.Seed.Content;

/// <summary>
/// An inbound message as Plivo's webhook would deliver it, turned into content and details the way the webhook
/// parser does: every form field kept in <see cref="InboundDetails.RawFields"/>, numbers without the plus.
/// </summary>
internal sealed class InboundContent(Random random, BodyComposer bodies)
{
    private static readonly (string ContentType, string MimeType, string Extension)[] MediaKinds =
    [
        ("image", "image/jpeg", "jpg"), ("image", "image/jpeg", "jpg"), ("image", "image/png", "png"),
        ("video", "video/mp4", "mp4"), ("document", "application/pdf", "pdf"), ("audio", "audio/ogg", "ogg"),
    ];

    public (MessageContent Content, InboundDetails Details) Build(
        MessageType type, ContactProfile contact, string ourNumber, string providerMessageId, string order, InboundContext context)
    {
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["From"] = contact.Number[1..],
            ["To"] = ourNumber[1..],
            ["Type"] = "whatsapp",
        };
        string? body = null;
        string? mediaUrl = null;
        string? mimeType = null;
        LocationContent? location = null;
        string contentType;
        switch (type)
        {
            case MessageType.Media:
                var kind = MediaKinds[random.Next(MediaKinds.Length)];
                contentType = kind.ContentType;
                body = kind.ContentType != "audio" && random.NextDouble() < 0.4 ? bodies.Compose(contact.Language, fromCustomer: true, order) : null;
                mediaUrl = $"https://media.plivo.com/Account/MAZDJKYTE3MTQ3NDEXAMPL/Message/{providerMessageId}/Media/ME{SeededIds.Hex(random, 10)}.{kind.Extension}";
                mimeType = kind.MimeType;
                break;
            case MessageType.Location:
                contentType = "location";
                location = new LocationContent(
                    Coordinate(random.NextDouble() * 120 - 50), Coordinate(random.NextDouble() * 300 - 150),
                    random.NextDouble() < 0.3 ? "Home" : null, null);
                break;
            case MessageType.Interactive:
                contentType = "interactive";
                var (replyId, title) = context.InteractiveKind == "list" ? ("track", "Track order") : random.Next(2) == 0 ? ("yes", "Yes") : ("no", "No");
                body = title;
                fields["Interactive.Type"] = context.InteractiveKind == "list" ? "list_reply" : "button_reply";
                fields["Interactive.Id"] = replyId;
                fields["Interactive.Title"] = title;
                break;
            case MessageType.Button:
                contentType = "button";
                var (payload, text) = TemplateCatalog.QuickReply(context.Template, random);
                fields["Button.Payload"] = payload;
                fields["Button.Text"] = text;
                break;
            default:
                contentType = "text";
                body = bodies.Compose(contact.Language, fromCustomer: true, order);
                break;
        }

        fields["ContentType"] = contentType;
        AddIfSet(fields, "Body", body);
        AddIfSet(fields, "Media0", mediaUrl);
        AddIfSet(fields, "MimeType", mimeType);
        AddIfSet(fields, "Latitude", location?.Latitude);
        AddIfSet(fields, "Longitude", location?.Longitude);
        AddIfSet(fields, "LocationName", location?.Name);
        AddIfSet(fields, "Context.MessageUUID", type is MessageType.Button or MessageType.Interactive ? context.ProviderMessageId : null);
        fields["MessageUUID"] = providerMessageId;
        fields["TotalRate"] = "0";
        fields["TotalAmount"] = "0";
        fields["Units"] = "1";

        var details = new InboundDetails(
            contentType,
            mediaUrl is null ? [] : [mediaUrl],
            mimeType,
            fields.GetValueOrDefault("Button.Payload"),
            fields.GetValueOrDefault("Button.Text"),
            fields.GetValueOrDefault("Context.MessageUUID"),
            fields);
        return (new MessageContent(Text: body, MediaUrl: mediaUrl, Location: location), details);
    }

    private static string Coordinate(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    private static void AddIfSet(Dictionary<string, string> fields, string name, string? value)
    {
        if (value is not null)
        {
            fields[name] = value;
        }
    }
}
