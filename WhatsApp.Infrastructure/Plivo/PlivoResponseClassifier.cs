using System.Net;
using WhatsApp.Domain.Messages;
using WhatsApp.Infrastructure.Plivo.Contracts;

namespace WhatsApp.Infrastructure.Plivo;

/// <summary>
/// Maps an HTTP answer from Plivo to a <see cref="SendResult"/>. Only an answer that proves Plivo did not take the
/// message is retried: Plivo's own SDKs never retry message creation, and a resend can deliver a WhatsApp message twice.
/// </summary>
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

            // 408 (request not read in time), 429 (refused by the rate limit) and 503 (not serving): not taken.
            408 or 429 or 503 => new SendResult.RetryLater(errorCode, Reason(code, parsed, body), retryAfter),

            // A 500, 502, 504 or any other 5xx may come from behind a front end that already queued the message.
            >= 500 and < 600 => new SendResult.OutcomeUnknown(
                $"Plivo answered {code} ({Detail(parsed, body)}); it may have queued the message, so it is not resent."),
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

        return string.IsNullOrWhiteSpace(body) ? $"Plivo answered {code} with an empty body." : $"Plivo answered {code}: {Clip(body)}";
    }

    private static string Detail(PlivoResponseBody parsed, string? body) =>
        !string.IsNullOrWhiteSpace(parsed.Error) ? parsed.Error
        : string.IsNullOrWhiteSpace(body) ? "empty body"
        : Clip(body);

    private static string Clip(string body)
    {
        var raw = body.Trim();
        return raw.Length > MaxRawBodyInReason ? raw[..MaxRawBodyInReason] : raw;
    }
}
