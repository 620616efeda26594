namespace WhatsApp.Api.Features.PlivoWebhooks;

/// <summary>Log events of webhook authentication. Never log signatures, tokens, nonces or the body here.</summary>
internal static partial class PlivoWebhookLog
{
    [LoggerMessage(
        EventId = 5100,
        Level = LogLevel.Warning,
        Message = "Rejected Plivo webhook {Method} {Path}: {Reason}. Signed URL checked: {SignedBaseUrl}. Headers present: {Headers}")]
    public static partial void Rejected(ILogger logger, string method, string path, string reason, string signedBaseUrl, string headers);

    [LoggerMessage(
        EventId = 5101,
        Level = LogLevel.Warning,
        Message = "Plivo webhook signature validation is OFF (Plivo:Webhooks:ValidateSignatures=false, Development only): accepting {Method} {Path} unauthenticated")]
    public static partial void ValidationOff(ILogger logger, string method, string path);

    [LoggerMessage(
        EventId = 5103,
        Level = LogLevel.Warning,
        Message = "Rejected Plivo webhook {Method} {Path}: Plivo:PublicBaseUrl is not configured, and outside Development the signed URL is never taken from the Host header")]
    public static partial void NoPublicBaseUrl(ILogger logger, string method, string path);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Warning, Message = "Rejected Plivo webhook {Method} {Path}: {Status} {Reason}")]
    public static partial void Malformed(ILogger logger, string method, string path, int status, string reason);
}
