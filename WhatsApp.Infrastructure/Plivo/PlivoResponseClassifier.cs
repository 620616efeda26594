using System.Net;
using WhatsApp.Domain.Messages;
using WhatsApp.Infrastructure.Plivo.Contracts;

namespace WhatsApp.Infrastructure.Plivo;

/// <summary>Maps an HTTP answer from Plivo to a <see cref="SendResult"/>. Plivo answered, so the outcome is known.</summary>
internal static class PlivoResponseClassifier
{
    private const int MaxRawBodyInReason = 200;

    public static SendResult Classify(HttpStatusCode status, string? body, TimeSpan? retryAfter)
    {
        var code = (int)status;
        var parsed = PlivoResponseBody.Parse(body);
        var errorCode = $"plivo_{code}";
        return code switch
        {
            >= 200 and < 300 when parsed.MessageUuid is { } uuid => new SendResult.Accepted(uuid),
            >= 200 and < 300 => new SendResult.OutcomeUnknown(
                $"Plivo answered {code} without a message_uuid; the message may have been queued."),

            // 408/429 mean Plivo did not take the request. For 5xx Plivo's docs say to retry; a 500 could in theory
            // follow a queued message, but Plivo answered with an error, which we trust rather than park the message.
            408 or 429 or >= 500 => new SendResult.RetryLater(errorCode, Reason(code, parsed, body), retryAfter),
            403 when parsed.Error is null => new SendResult.Rejected(
                errorCode,
                "Forbidden: the destination country is probably not enabled in the Plivo account's geo permissions."),
            >= 300 and < 500 => new SendResult.Rejected(errorCode, Reason(code, parsed, body)),
            _ => new SendResult.OutcomeUnknown($"Plivo answered with unexpected status {code}."),
        };
    }

    private static string Reason(int code, PlivoResponseBody parsed, string? body)
    {
        if (!string.IsNullOrWhiteSpace(parsed.Error))
        {
            return parsed.Error;
        }

        if (string.IsNullOrWhiteSpace(body))
        {
            return $"Plivo answered {code} with an empty body.";
        }

        var raw = body.Trim();
        return $"Plivo answered {code}: {(raw.Length > MaxRawBodyInReason ? raw[..MaxRawBodyInReason] : raw)}";
    }
}
