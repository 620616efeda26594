using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Options;
using WhatsApp.Domain.Events;
using WhatsApp.Domain.Ports;

namespace WhatsApp.Infrastructure.Events;

/// <summary>
/// POSTs signed event bodies (Standard Webhooks headers) with a timeout, following no redirect, reading at most the
/// first KiB of the answer. A receiver's failure (status, timeout, refused connection) is a result, never an exception.
/// </summary>
internal sealed class EventSender(IHttpClientFactory clients, IOptions<EventsOptions> options, TimeProvider time) : IEventSender
{
    public const string ClientName = "WhatsApp.Events";

    public async Task<DeliveryResult> SendAsync(WebhookEndpoint endpoint, Guid eventId, string body, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var now = time.GetUtcNow();
        var id = eventId.ToString();
        var timestamp = now.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", StandardWebhookSigner.Sign(endpoint.SigningSecrets(now), id, timestamp, body));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Value.Timeout);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var answer = await ReadStartAsync(response, timeout.Token);
            return new DeliveryResult((int)response.StatusCode, Stopwatch.GetElapsedTime(started), null, answer);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new DeliveryResult(null, Stopwatch.GetElapsedTime(started), $"No answer within {options.Value.Timeout.TotalSeconds:0.#} s.", null);
        }
        catch (HttpRequestException ex)
        {
            return new DeliveryResult(null, Stopwatch.GetElapsedTime(started), ex.InnerException?.Message ?? ex.Message, null);
        }
    }

    private static async Task<string> ReadStartAsync(HttpResponseMessage response, CancellationToken ct)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        var buffer = new byte[DeliveryResult.MaxResponseBody];
        var read = 0;
        while (read < buffer.Length && await stream.ReadAsync(buffer.AsMemory(read), ct) is var n and > 0)
        {
            read += n;
        }

        // A cut multi-byte character becomes U+FFFD rather than an error; PostgreSQL text holds no NUL.
        return Encoding.UTF8.GetString(buffer, 0, read).Replace("\0", string.Empty, StringComparison.Ordinal);
    }
}
