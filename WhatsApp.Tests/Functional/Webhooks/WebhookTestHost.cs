using Microsoft.Extensions.DependencyInjection;
using WhatsApp.Domain.Messages;
using WhatsApp.Tests.Fakes;

namespace WhatsApp.Tests.Functional.Webhooks;

/// <summary>The app configured for Plivo (dispatch off) behind a public URL, plus helpers to sign and post webhooks.</summary>
internal sealed class WebhookTestHost : IAsyncDisposable
{
    public static readonly Uri PublicBaseUrl = new("https://gateway.example.com");
    public static readonly Uri WebhookUrl = new(PublicBaseUrl, "/api/webhooks/plivo");
    public const string OurNumber = TestApiKeys.DefaultSender;

    /// <summary>With <paramref name="plivo"/> and <paramref name="dispatch"/>, sends go out to that fake Plivo.</summary>
    public WebhookTestHost(string windowPolicy = "Off", IReadOnlyDictionary<string, string?>? settings = null, Uri? plivo = null, bool dispatch = false)
    {
        var all = new Dictionary<string, string?>
        {
            ["Plivo:PublicBaseUrl"] = PublicBaseUrl.ToString(),
            ["Messaging:CustomerServiceWindow"] = windowPolicy,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        Factory = new WhatsAppApiFactory(plivo ?? new Uri("http://127.0.0.1:9/"), dispatch, all);
        Client = Factory.CreateClient();
    }

    public WhatsAppApiFactory Factory { get; }

    public HttpClient Client { get; }

    public static KeyValuePair<string, string>[] InboundForm(string uuid, string from = "919999999999", string body = "Hi there + welcome") =>
    [
        new("From", from),
        new("To", OurNumber.TrimStart('+')),
        new("Type", "whatsapp"),
        new("ContentType", "text"),
        new("Body", body),
        new("MessageUUID", uuid),
        new("TotalRate", "0"),
        new("TotalAmount", "0"),
        new("Units", "1"),
        new("SomethingNew", "kept"),
    ];

    public static KeyValuePair<string, string>[] StatusForm(string uuid, string status, int sequence, string? errorCode = null) =>
    [
        new("MessageUUID", uuid),
        new("Status", status),
        new("From", OurNumber.TrimStart('+')),
        new("To", "14155552671"),
        new("Type", "whatsapp"),
        new("Sequence", sequence.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("ErrorCode", errorCode ?? "000"),
        new("ConversationID", "conv-1"),
        new("ConversationOrigin", "utility"),
        new("ConversationExpirationTimestamp", "1767225600"),
    ];

    /// <summary>The status callback URL the gateway gives Plivo for the message <paramref name="messageId"/>.</summary>
    public static Uri RefUrl(Guid messageId) => new($"{WebhookUrl}?ref={messageId:D}");

    /// <summary>A form POST signed (V3) for <paramref name="url"/>, <see cref="WebhookUrl"/> by default.</summary>
    public Task<HttpResponseMessage> PostSignedAsync(
        IEnumerable<KeyValuePair<string, string>> form, string? nonce = null, string? token = null, Uri? url = null)
    {
        var request = PlivoWebhookSigner.SignedFormPost(url ?? WebhookUrl, form, token ?? FakePlivoServer.DefaultAuthToken, nonce);
        return Client.SendAsync(request);
    }

    /// <summary>Stores an outbound message that Plivo accepted with <paramref name="providerMessageId"/>.</summary>
    public async Task<Guid> SeedSentMessageAsync(string providerMessageId, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var now = DateTimeOffset.UtcNow;
        var message = Message.CreateOutbound(
            Guid.CreateVersion7(), OurNumber, "+14155552671", MessageType.Text, MessageContent.ForText("Hi"), "sender-a", now, metadata);
        message.MarkSending(now);
        message.MarkSent(providerMessageId, now);
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WhatsApp.Infrastructure.Persistence.WhatsAppDbContext>();
        db.Messages.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    }

    /// <summary>Stores an outbound message that is <paramref name="status"/> (queued, sending, or a settled send).</summary>
    public async Task<Message> SeedOutboundAsync(
        MessageStatus status, string? providerMessageId = null, MessageType type = MessageType.Text, MessageContent? content = null)
    {
        var now = DateTimeOffset.UtcNow;
        var message = Message.CreateOutbound(
            Guid.CreateVersion7(), OurNumber, "+14155552671", type, content ?? MessageContent.ForText("Hi"), "sender-a", now);
        if (status != MessageStatus.Queued)
        {
            message.MarkSending(now);
        }

        switch (status)
        {
            case MessageStatus.Sent:
                message.MarkSent(providerMessageId ?? Guid.NewGuid().ToString(), now);
                break;
            case MessageStatus.Failed:
                message.MarkFailed("plivo_400", "rejected", now);
                break;
            case MessageStatus.OutcomeUnknown:
                message.MarkOutcomeUnknown("The request timed out after it was sent.", now);
                break;
        }

        await Factory.WithDbAsync(async db =>
        {
            db.Messages.Add(message);
            return await db.SaveChangesAsync();
        });
        return message;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
    }
}
