using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using WhatsApp.Tests.Fakes;
using WhatsApp.Tests.Functional.Webhooks;

namespace WhatsApp.Tests.Functional;

/// <summary>The Prometheus scrape endpoint counts what was committed: accepted, sent and failed messages, webhooks.</summary>
[TestFixture]
public sealed class MetricsTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    [Test]
    public async Task Metrics_AfterOneSendIsAcceptedAndOneRejected_CountsAcceptedSentFailedAndTheDispatchLag()
    {
        await using var plivo = await FakePlivoServer.StartAsync();
        plivo.Behaviour = i => i == 0 ? FakeResponse.Accept() : FakeResponse.Error(400, "dst is not a valid WhatsApp number");
        await using var factory = new WhatsAppApiFactory(plivo.BaseUrl, dispatch: true, new Dictionary<string, string?>
        {
            ["Dispatch:MaxConcurrency"] = "1",
        });
        using var sender = factory.CreateClientWithKey(TestApiKeys.Sender);
        using var agent = factory.CreateClientWithKey(TestApiKeys.Agent);

        foreach (var to in new[] { "+14155552671", "+14155552672" })
        {
            var response = await sender.PostAsJsonAsync("/api/messages", new { to, message = "Hello" });
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        }

        // The queue depth is re-read every few seconds, so it reaches 0 a little after the last send.
        var text = await ScrapeUntilAsync(agent,
            Sample("whatsapp_messages_accepted_total", "type=\"text\"", 2),
            Sample("whatsapp_messages_sent_total", null, 1),
            Sample("whatsapp_messages_failed_total", "reason=\"", 1),
            Sample("whatsapp_dispatch_lag_seconds_count", null, 1),
            Sample("whatsapp_outbox_queued", null, 0));

        Assert.That(text, Does.Match(@"(?m)^whatsapp_write_queue_depth(\{[^}]*\})? \d+"));
    }

    [Test]
    public async Task Metrics_AfterAnInboundWebhookAndItsRedelivery_TimesBothByOutcome()
    {
        await using var host = new WebhookTestHost();
        var form = WebhookTestHost.InboundForm("wamid-metrics-1");
        Assert.That((await host.PostSignedAsync(form)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await host.PostSignedAsync(form)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var agent = host.Factory.CreateClientWithKey(TestApiKeys.Agent);

        await ScrapeUntilAsync(agent,
            Sample("whatsapp_webhooks_duration_seconds_count", "outcome=\"processed\"", 1),
            Sample("whatsapp_webhooks_duration_seconds_count", "outcome=\"duplicate\"", 1));
    }

    [Test]
    public async Task Metrics_WithASendersKey_Returns403()
    {
        await using var factory = new WhatsAppApiFactory();
        using var sender = factory.CreateClientWithKey(TestApiKeys.Sender);

        Assert.That((await sender.GetAsync("/metrics")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    /// <summary>A sample line of <paramref name="name"/> whose labels include <paramref name="label"/>, with this value.</summary>
    internal static Regex Sample(string name, string? label, int value) =>
        new($@"(?m)^{name}(\{{[^}}]*{(label is null ? string.Empty : Regex.Escape(label) + "[^}]*")}\}})? {value}(\s|$)");

    // Counters are recorded right after the commit that the API or the dispatcher waited for, so a scrape can
    // precede them by a moment; the exporter also caches a scrape briefly.
    internal static async Task<string> ScrapeUntilAsync(HttpClient client, params Regex[] samples)
    {
        var deadline = DateTime.UtcNow + Deadline;
        string text;
        do
        {
            var response = await client.GetAsync("/metrics");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            text = await response.Content.ReadAsStringAsync();
            if (samples.All(s => s.IsMatch(text)))
            {
                return text;
            }

            await Task.Delay(200);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Fail($"missing from /metrics: {string.Join(", ", samples.Where(s => !s.IsMatch(text)))}\n{text}");
        return text;
    }
}
