using System.Net;
using Microsoft.EntityFrameworkCore;

namespace WhatsApp.Tests.Functional.Webhooks;

[TestFixture]
public sealed class NonceReplayWindowTests
{
    [Test]
    public async Task Inbound_NonceReusedAfterTheConfiguredReplayWindow_IsStored()
    {
        // The default window (15 minutes) would refuse the reuse: only the configured one lets it through.
        await using var host = new WebhookTestHost(settings: new Dictionary<string, string?>
        {
            ["Plivo:Webhooks:NonceReplayWindow"] = "00:00:00.100",
        });
        const string nonce = "98765432109876543210";
        var first = await host.PostSignedAsync(WebhookTestHost.InboundForm(Guid.NewGuid().ToString()), nonce);
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK), await first.Content.ReadAsStringAsync());
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        var uuid = Guid.NewGuid().ToString();

        var reused = await host.PostSignedAsync(WebhookTestHost.InboundForm(uuid), nonce);

        Assert.That(reused.StatusCode, Is.EqualTo(HttpStatusCode.OK), await reused.Content.ReadAsStringAsync());
        Assert.That(await host.Factory.WithDbAsync(db => db.Messages.CountAsync(m => m.ProviderMessageId == uuid)), Is.EqualTo(1));
    }
}
