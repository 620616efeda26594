using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WhatsApp.Domain.Messages;
using WhatsApp.Domain.Ports;
using WhatsApp.Infrastructure.Dispatch;
using WhatsApp.Infrastructure.Plivo.Contracts;

namespace WhatsApp.Infrastructure.Plivo;

/// <summary>
/// Sends WhatsApp messages through Plivo's REST API (typed HttpClient, Basic auth). Makes exactly one POST per call;
/// the outbox decides about retries from the returned <see cref="SendResult"/>. The auth token and message bodies are
/// never logged.
/// </summary>
public sealed class PlivoMessagingProvider(
    HttpClient httpClient,
    IOptions<PlivoOptions> plivoOptions,
    IOptions<DispatchOptions> dispatchOptions,
    TimeProvider timeProvider,
    ILogger<PlivoMessagingProvider> logger) : IMessagingProvider
{
    private const int MaxLoggedErrorLength = 200;

    public async Task<SendResult> SendAsync(Message message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var options = plivoOptions.Value;
        if (!options.HasCredentials)
        {
            return NotSent(message, new SendResult.RetryLater("plivo_not_configured", "Plivo:AuthId or Plivo:AuthToken is not set."));
        }

        PlivoSendMessageRequest body;
        try
        {
            body = PlivoMessageMapper.ToRequest(message, options);
        }
        catch (NotSupportedException e)
        {
            return NotSent(message, new SendResult.Rejected("unsupported_message", e.Message));
        }

        using var request = CreateRequest(options, body);
        try
        {
            using var response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            var text = await ReadBodyAsync(response, ct);
            var result = PlivoResponseClassifier.Classify(response.StatusCode, text, RetryAfter(response));
            LogAnswer(message, response.StatusCode, result);
            return result;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            var result = PlivoExceptionClassifier.Classify(e, dispatchOptions.Value.CircuitBreakDuration);
            if (result is null)
            {
                throw;
            }

            PlivoLog.RequestFailed(logger, message.Id, e.GetType().Name, result.GetType().Name, Truncate(ReasonOf(result)));
            return result;
        }
    }

    private static HttpRequestMessage CreateRequest(PlivoOptions options, PlivoSendMessageRequest body)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(body, PlivoJsonContext.Default.PlivoSendMessageRequest);
        var request = new HttpRequestMessage(HttpMethod.Post, SendMessageUri(options)) { Content = new ByteArrayContent(json) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var credentials = Encoding.UTF8.GetBytes($"{options.AuthId}:{options.AuthToken}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(credentials));
        return request;
    }

    // Plivo's path keeps its trailing slash; BaseUrl may or may not end with one.
    private static Uri SendMessageUri(PlivoOptions options) =>
        new($"{options.BaseUrl.AbsoluteUri.TrimEnd('/')}/v1/Account/{Uri.EscapeDataString(options.AuthId!)}/Message/");

    // The Polly timeout covers only the response headers; bound the body read the same way. A status we already
    // have still counts when the body cannot be read (it is only needed for the uuid and the error text).
    private async Task<string?> ReadBodyAsync(HttpResponseMessage response, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(dispatchOptions.Value.AttemptTimeout);
        try
        {
            return await response.Content.ReadAsStringAsync(timeout.Token);
        }
        catch (Exception e) when (!ct.IsCancellationRequested && e is OperationCanceledException or IOException or HttpRequestException)
        {
            return null;
        }
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - timeProvider.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    private void LogAnswer(Message message, HttpStatusCode status, SendResult result)
    {
        switch (result)
        {
            case SendResult.Accepted accepted:
                PlivoLog.Accepted(logger, message.Id, accepted.ProviderMessageId);
                break;
            case SendResult.Rejected rejected:
                PlivoLog.Failed(logger, status, message.Id, nameof(SendResult.Rejected), rejected.ErrorCode, Truncate(rejected.Reason));
                break;
            case SendResult.RetryLater retry:
                PlivoLog.Failed(logger, status, message.Id, nameof(SendResult.RetryLater), retry.ErrorCode, Truncate(retry.Reason));
                break;
            default:
                PlivoLog.Failed(logger, status, message.Id, result.GetType().Name, null, Truncate(ReasonOf(result)));
                break;
        }
    }

    private SendResult NotSent(Message message, SendResult result)
    {
        PlivoLog.NotSendable(logger, message.Id, ReasonOf(result));
        return result;
    }

    private static string ReasonOf(SendResult result) => result switch
    {
        SendResult.Rejected r => r.Reason,
        SendResult.RetryLater r => r.Reason,
        SendResult.OutcomeUnknown u => u.Reason,
        _ => string.Empty,
    };

    private static string Truncate(string text) => text.Length > MaxLoggedErrorLength ? text[..MaxLoggedErrorLength] : text;
}
