using System.Net.Sockets;
using Polly.CircuitBreaker;
using Polly.Timeout;
using WhatsApp.Domain.Messages;

namespace WhatsApp.Infrastructure.Plivo;

/// <summary>
/// Maps a failed attempt to a <see cref="SendResult"/>. Only failures that certainly happened before the request
/// was written (no connection, open circuit) are retryable; anything later is an unknown outcome, because
/// resending could deliver the WhatsApp message twice.
/// </summary>
internal static class PlivoExceptionClassifier
{
    /// <returns>The result, or null when the exception is not a network/provider failure and should propagate.</returns>
    public static SendResult? Classify(Exception exception, TimeSpan defaultBreakDuration) => exception switch
    {
        BrokenCircuitException broken => new SendResult.RetryLater(
            "circuit_open",
            "Calls to Plivo are paused after repeated failures (circuit open).",
            broken.RetryAfter ?? defaultBreakDuration),
        TimeoutRejectedException => new SendResult.OutcomeUnknown(
            "No answer from Plivo within the attempt timeout; the message may have been queued."),
        HttpRequestException http when NeverSent(http) => new SendResult.RetryLater(
            "connection_failed", $"Could not connect to Plivo ({http.HttpRequestError}: {http.Message})."),

        // Reset, premature end or garbage after the connection was up: Plivo may have read and queued the request.
        HttpRequestException http => new SendResult.OutcomeUnknown(
            $"Connection to Plivo failed after the request was sent ({http.HttpRequestError}: {http.GetBaseException().Message})."),
        IOException io => new SendResult.OutcomeUnknown($"Connection to Plivo failed while reading the answer ({io.Message})."),

        // Only the caller's token is excluded by the provider; any other cancellation is a timeout of some kind.
        OperationCanceledException => new SendResult.OutcomeUnknown(
            "The request to Plivo timed out; the message may have been queued."),
        _ => null,
    };

    private static bool NeverSent(HttpRequestException exception) =>
        exception.HttpRequestError is HttpRequestError.NameResolutionError
            or HttpRequestError.ConnectionError
            or HttpRequestError.SecureConnectionError
        || FindSocketError(exception) is SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.TryAgain;

    private static SocketError? FindSocketError(Exception exception)
    {
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException socket)
            {
                return socket.SocketErrorCode;
            }
        }

        return null;
    }
}
