using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using WhatsApp.Tests.Fakes;
using WhatsApp.Tests.Functional.Webhooks;

namespace WhatsApp.Tests.Functional.Privacy;

[TestFixture]
public sealed class ContactErasureLoggingTests
{
    [Test]
    public async Task Delete_LogsCountsAndMaskedNumber_NeverTheBodyOrFullNumber()
    {
        const string body = "the password is swordfish";
        await using var host = new WebhookTestHost();
        var logs = new CapturingLoggerProvider();
        await using var factory = host.Factory.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs).SetMinimumLevel(LogLevel.Trace)));
        using var client = factory.CreateClient();
        var inbound = PlivoWebhookSigner.SignedFormPost(
            WebhookTestHost.WebhookUrl, WebhookTestHost.InboundForm(Guid.NewGuid().ToString(), "919999998765", body), FakePlivoServer.DefaultAuthToken, null);
        Assert.That((await client.SendAsync(inbound)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        client.DefaultRequestHeaders.Add("X-Api-Key", TestApiKeys.Admin);

        var response = await client.DeleteAsync("/api/contacts/+919999998765");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var erasure = logs.Entries.Where(e => e.Message.Contains("Erased", StringComparison.Ordinal)).ToList();
        Assert.That(erasure, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(erasure[0].Level, Is.EqualTo(LogLevel.Information));
            Assert.That(erasure[0].Message, Does.Contain("***8765").And.Contain("1 messages").And.Contain("1 webhook receipts"));
            Assert.That(erasure[0].Message, Does.Not.Contain("919999998765"));
            Assert.That(erasure[0].Message, Does.Not.Contain(body));
        });
    }
}
