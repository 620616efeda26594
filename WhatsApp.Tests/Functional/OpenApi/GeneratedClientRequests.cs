using WhatsApp.Client.Models;

namespace WhatsApp.Tests.Functional.OpenApi;

/// <summary>One send request of each message type, built with the generated client's models only.</summary>
internal static class GeneratedClientRequests
{
    public const string MediaUrl = "https://example.com/invoice.pdf";

    public static IEnumerable<(SendMessageRequest Request, MessageResponse_type Type)> OneOfEachType(string to)
    {
        yield return (Text(to, "Your order has shipped."), MessageResponse_type.Text);
        yield return (Media(to), MessageResponse_type.Media);
        yield return (Template(to), MessageResponse_type.Template);
        yield return (Interactive(to, ReplyButtons()), MessageResponse_type.Interactive);
        yield return (Interactive(to, List()), MessageResponse_type.Interactive);
        yield return (Interactive(to, CtaUrl()), MessageResponse_type.Interactive);
        yield return (Location(to), MessageResponse_type.Location);
    }

    public static SendMessageRequest Text(string to, string message) => new()
    {
        TextMessageRequest = new TextMessageRequest { Type = TextMessageRequest_type.Text, To = to, Message = message },
    };

    public static SendMessageRequest Media(string to) => new()
    {
        MediaMessageRequest = new MediaMessageRequest { Type = MediaMessageRequest_type.Media, To = to, MediaUrls = [MediaUrl], Message = "Your invoice" },
    };

    private static SendMessageRequest Template(string to) => new()
    {
        TemplateMessageRequest = new TemplateMessageRequest
        {
            Type = TemplateMessageRequest_type.Template,
            To = to,
            Template = new TemplateRequest
            {
                Name = "order_update",
                Language = "en_US",
                Components =
                [
                    new TemplateComponentRequest
                    {
                        Type = TemplateComponentRequest_type.Body,
                        Parameters =
                        [
                            new TemplateParameterRequest { Type = TemplateParameterRequest_type.Text, Text = "A-1042" },
                            new TemplateParameterRequest
                            {
                                Type = TemplateParameterRequest_type.Currency,
                                Currency = new CurrencyRequest { FallbackValue = "$12.99", CurrencyCode = "USD", Amount1000 = 12990 },
                            },
                        ],
                    },
                    new TemplateComponentRequest
                    {
                        Type = TemplateComponentRequest_type.Button,
                        SubType = TemplateComponentRequest_sub_type.Quick_reply,
                        Index = "0",
                        Parameters = [new TemplateParameterRequest { Type = TemplateParameterRequest_type.Payload, Payload = "track" }],
                    },
                ],
            },
        },
    };

    private static SendMessageRequest Interactive(string to, InteractiveRequest interactive) => new()
    {
        InteractiveMessageRequest = new InteractiveMessageRequest { Type = InteractiveMessageRequest_type.Interactive, To = to, Interactive = interactive },
    };

    private static InteractiveRequest ReplyButtons() => new()
    {
        Type = InteractiveRequest_type.Button,
        Header = new InteractiveHeaderRequest { Type = InteractiveHeaderRequest_type.Text, Text = "Delivery" },
        Body = new InteractiveTextRequest { Text = "Is 3 pm okay?" },
        Action = new InteractiveActionRequest { Buttons = [new() { Id = "yes", Title = "Yes" }, new() { Id = "later", Title = "Later" }] },
    };

    private static InteractiveRequest List() => new()
    {
        Type = InteractiveRequest_type.List,
        Body = new InteractiveTextRequest { Text = "What do you need?" },
        Action = new InteractiveActionRequest
        {
            Buttons = [new() { Title = "Topics" }],
            Sections = [new() { Title = "Orders", Rows = [new() { Id = "track", Title = "Track my order", Description = "Where is my parcel?" }] }],
        },
    };

    private static InteractiveRequest CtaUrl() => new()
    {
        Type = InteractiveRequest_type.Cta_url,
        Header = new InteractiveHeaderRequest { Type = InteractiveHeaderRequest_type.Media, Media = "https://example.com/receipt.png" },
        Body = new InteractiveTextRequest { Text = "Your receipt is ready" },
        Action = new InteractiveActionRequest { Buttons = [new() { Title = "Open receipt", CtaUrl = "https://example.com/receipt/42" }] },
    };

    private static SendMessageRequest Location(string to) => new()
    {
        LocationMessageRequest = new LocationMessageRequest
        {
            Type = LocationMessageRequest_type.Location,
            To = to,
            Location = new LocationRequest
            {
                Latitude = new LocationRequest.LocationRequest_latitude { Double = 37.4847 },
                Longitude = new LocationRequest.LocationRequest_longitude { String = "-122.1473" },
                Name = "Head office",
                Address = "1 Hacker Way",
            },
        },
    };
}
