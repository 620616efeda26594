namespace WhatsApp.Infrastructure.Plivo;

/// <summary>Plivo account and sender numbers (section <c>Plivo</c>).</summary>
public sealed class PlivoOptions
{
    public const string SectionName = "Plivo";

    /// <summary>Account or subaccount id (<c>MA…</c> or <c>SA…</c>); also read from <c>PLIVO_AUTH_ID</c>.</summary>
    public string? AuthId { get; set; }

    /// <summary>Auth token; also read from <c>PLIVO_AUTH_TOKEN</c>. Never logged.</summary>
    public string? AuthToken { get; set; }

    /// <summary>Our WhatsApp numbers, E.164.</summary>
    public IList<string> Senders { get; } = [];

    /// <summary>The sender used when a request names none; also read from <c>PLIVO_WHATSAPP_SENDER_NUMBER</c>.</summary>
    public string? DefaultSender { get; set; }

    public Uri BaseUrl { get; set; } = new("https://api.plivo.com");

    /// <summary>Public base URL of this service (as Plivo reaches it), used for status callback URLs and signature checks.</summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>Path of the webhook endpoint, appended to <see cref="PublicBaseUrl"/> for status callbacks.</summary>
    public string WebhookPath { get; set; } = "/api/webhooks/plivo";

    public bool HasCredentials => !string.IsNullOrWhiteSpace(AuthId) && !string.IsNullOrWhiteSpace(AuthToken);
}
