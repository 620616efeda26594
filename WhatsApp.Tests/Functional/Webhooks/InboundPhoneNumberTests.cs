using System.Net;
using Microsoft.EntityFrameworkCore;
using WhatsApp.Domain.Webhooks;

namespace WhatsApp.Tests.Functional.Webhooks;

/// <summary>
/// Plivo's inbound numbers: whitespace around one (a stray newline) is trimmed, so it is the same contact; anything
/// else that is not E.164 is acknowledged and kept as an unprocessed receipt for an operator, never a contact of its own.
/// </summary>
[TestFixture]
public sealed class InboundPhoneNumberTests
{
    private const string Customer = "+14155552671";
    private WebhookTestHost _host = null!;

    [SetUp]
    public void Start() => _host = new WebhookTestHost();

    [TearDown]
    public async Task Stop() => await _host.DisposeAsync();

    [TestCase("14155552671\n", TestName = "Inbound_FromWithTrailingLf_IsTheSameContact")]
    [TestCase("14155552671\r\n", TestName = "Inbound_FromWithTrailingCrLf_IsTheSameContact")]
    [TestCase("14155552671 ", TestName = "Inbound_FromWithTrailingSpace_IsTheSameContact")]
    [TestCase(" 14155552671", TestName = "Inbound_FromWithLeadingSpace_IsTheSameContact")]
    [TestCase("+14155552671\n", TestName = "Inbound_FromWithPlusAndTrailingLf_IsTheSameContact")]
    public async Task Inbound_FromWithSurroundingWhitespace_IsTheSameContact(string from)
    {
        await ReceiveAsync("14155552671");

        await ReceiveAsync(from);

        var contacts = await _host.Factory.WithDbAsync(async db => (
            await db.Messages.Select(m => m.Contact).Distinct().ToListAsync(),
            await db.Contacts.Select(c => c.Number).ToListAsync()));
        Assert.Multiple(() =>
        {
            Assert.That(contacts.Item1, Is.EqualTo(new[] { Customer }), "messages' contact");
            Assert.That(contacts.Item2, Is.EqualTo(new[] { Customer }), "contacts");
        });
    }

    [TestCase("1415555\u200B2671", TestName = "Inbound_FromWithZeroWidthSpace_IsKeptUnprocessed")]
    [TestCase("\uFEFF14155552671", TestName = "Inbound_FromWithByteOrderMark_IsKeptUnprocessed")]
    [TestCase("\u0661\u0664\u0661\u0665\u0665\u0665\u0665\u0662\u0666\u0667\u0661", TestName = "Inbound_FromInArabicIndicDigits_IsKeptUnprocessed")]
    [TestCase("\uFF11\uFF14\uFF11\uFF15\uFF15\uFF15\uFF15\uFF12\uFF16\uFF17\uFF11", TestName = "Inbound_FromInFullWidthDigits_IsKeptUnprocessed")]
    public async Task Inbound_FromNotE164_IsAcknowledgedAndKeptUnprocessed(string from)
    {
        var response = await _host.PostSignedAsync(WebhookTestHost.InboundForm(Guid.NewGuid().ToString(), from));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var stored = await _host.Factory.WithDbAsync(async db => (
            await db.Messages.CountAsync(),
            await db.Contacts.CountAsync(),
            await db.WebhookReceipts.Select(r => r.Outcome).SingleAsync()));
        Assert.That(stored, Is.EqualTo((0, 0, (WebhookOutcome?)WebhookOutcome.Unprocessed)), "messages, contacts, the receipt's outcome");
    }

    private async Task ReceiveAsync(string from)
    {
        var response = await _host.PostSignedAsync(WebhookTestHost.InboundForm(Guid.NewGuid().ToString(), from));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
