using System.Collections.Concurrent;
using System.Net;
using WhatsApp.Tests.Fakes;
using WhatsApp.Tests.Functional;
using WhatsApp.Tests.Functional.Webhooks;
using static WhatsApp.Tests.Reliability.ReliabilityDatabase;

namespace WhatsApp.Tests.Reliability;

/// <summary>
/// Every inbound message and delivery report arrives three times at once (as Plivo's retries can), each copy freshly
/// signed, while clients keep sending. Row counts must come out exact: one fact per webhook, one receipt per delivery.
/// </summary>
[TestFixture]
[Category("Reliability")]
[NonParallelizable]
public sealed class DuplicateWebhookStormTests
{
    private const int Outbound = 200;
    private const int Inbound = 300;
    private const int Customers = 60;
    private const int Copies = 3;
    private static readonly string[] Reports = ["sent", "delivered", "read"];
    private static readonly Uri WebhookUrl = new("https://gateway.example.com/api/webhooks/plivo");
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(90);

    [Test]
    public async Task Webhooks_EachDeliveredThreeTimesConcurrentlyUnderLoad_RowCountsExact()
    {
        await using var plivo = await FakePlivoServer.StartAsync();
        await using var host = new ReliabilityHost(plivo.BaseUrl, new Dictionary<string, string?>
        {
            ["Plivo:PublicBaseUrl"] = "https://gateway.example.com",
            ["Dispatch:PerSenderRatePerSecond"] = "1000",
        });
        using var sender = host.CreateClient(TestApiKeys.Sender);
        using var webhooks = host.CreateClient();
        var outbound = await Load.SendAsync(sender, Enumerable.Range(0, Outbound).Select(i => $"storm-{i:D3}"));
        Assert.That(await Eventually.HoldsAsync(async () => await host.Database.PendingAsync() == 0, Generous), "first messages sent");
        var providerIds = (await host.Database.OutboundAsync()).Select(r => r.ProviderMessageId!).ToList();
        var first = outbound.Values.ToHashSet();

        var inboundForms = Enumerable.Range(0, Inbound).Select(i =>
            WebhookTestHost.InboundForm($"storm-in-{i:D3}", from: $"91999000{i % Customers:D4}"));
        var statusForms = providerIds.SelectMany(uuid => Reports.Select((status, i) => WebhookTestHost.StatusForm(uuid, status, i + 1)));
        var deliveries = inboundForms.Concat(statusForms).SelectMany(form => Enumerable.Repeat(form, Copies)).ToArray();
        new Random(11).Shuffle(deliveries);

        using var stop = new CancellationTokenSource();
        var background = KeepSendingAsync(sender, stop.Token);
        var answers = new ConcurrentBag<HttpStatusCode>();
        await Parallel.ForEachAsync(deliveries, new ParallelOptions { MaxDegreeOfParallelism = 24 }, async (form, ct) =>
        {
            using var request = PlivoWebhookSigner.SignedFormPost(WebhookUrl, form, FakePlivoServer.DefaultAuthToken);
            using var response = await webhooks.SendAsync(request, ct);
            answers.Add(response.StatusCode);
        });
        await stop.CancelAsync();
        var alsoSent = await background;
        var drained = await Eventually.HoldsAsync(async () => await host.Database.PendingAsync() == 0, Generous);

        var db = host.Database;
        var rows = await db.OutboundAsync();
        var inbound = await db.InboundProviderIdsAsync();
        var events = await db.ScalarAsync("SELECT COUNT(*) FROM MessageStatusEvents");
        var receipts = await db.ScalarAsync("SELECT COUNT(*) FROM WebhookReceipts");
        var processed = await db.ScalarAsync("SELECT COUNT(*) FROM WebhookReceipts WHERE Outcome = 'Processed'");
        var duplicates = await db.ScalarAsync("SELECT COUNT(*) FROM WebhookReceipts WHERE Outcome = 'Duplicate'");
        var contacts = await db.ScalarAsync("SELECT COUNT(*) FROM Contacts WHERE LastInboundAt IS NOT NULL");
        var markers = plivo.Requests.Select(r => (string?)r.Json?["text"]).ToList();
        Figures.Report(
            "duplicate storm",
            ("deliveries", deliveries.Length),
            ("distinct webhooks", deliveries.Length / Copies),
            ("answered 200", answers.Count(s => s == HttpStatusCode.OK)),
            ("sends during the storm", alsoSent),
            ("inbound rows", inbound.Count),
            ("status events", events),
            ("receipts processed / duplicate", $"{processed} / {duplicates}"),
            ("duplicated rows", inbound.Count - Inbound + events - (Outbound * Reports.Length)));

        Assert.Multiple(() =>
        {
            Assert.That(answers, Has.Count.EqualTo(deliveries.Length).And.All.EqualTo(HttpStatusCode.OK), "every copy is acknowledged");
            Assert.That(inbound, Is.EquivalentTo(Enumerable.Range(0, Inbound).Select(i => $"storm-in-{i:D3}")), "one inbound message per uuid");
            Assert.That(events, Is.EqualTo(Outbound * Reports.Length), "one status event per (uuid, status, sequence)");
            Assert.That(receipts, Is.EqualTo(deliveries.Length), "every delivery is kept as a receipt");
            Assert.That(processed, Is.EqualTo(deliveries.Length / Copies), "each webhook processed once");
            Assert.That(duplicates, Is.EqualTo(deliveries.Length - (deliveries.Length / Copies)), "the other copies recognised as duplicates");
            Assert.That(contacts, Is.EqualTo(Customers), "one contact per customer");
            Assert.That(rows.Where(r => first.Contains(r.Id)).Select(r => r.Status).Distinct(), Is.EqualTo(new[] { "Read" }));
            Assert.That(drained, Is.True);
            Assert.That(rows, Has.Count.EqualTo(Outbound + alsoSent), "every send during the storm is stored");
            Assert.That(rows.Where(r => !first.Contains(r.Id)).Select(r => r.Status).Distinct(), Is.EqualTo(new[] { Sent }));
            Assert.That(markers, Is.Unique, "no message reached Plivo twice");
        });
    }

    private static async Task<int> KeepSendingAsync(HttpClient sender, CancellationToken ct)
    {
        var sent = 0;
        var workers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            // A request once started runs to its answer, so every stored message is counted.
            for (var i = 0; !ct.IsCancellationRequested; i++)
            {
                if (await Load.TrySendAsync(sender, $"load-{w}-{i:D5}", CancellationToken.None) is not null)
                {
                    Interlocked.Increment(ref sent);
                }
            }
        }));
        await Task.WhenAll(workers);
        return sent;
    }
}
