using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using WhatsApp.Tests.Builders;
using static WhatsApp.Tests.Functional.HttpAssertions;

namespace WhatsApp.Tests.Functional;

/// <summary>
/// Every way a phone number enters through the API (body, route, query) refuses a spoiled one with a 400 naming the
/// field or parameter, and stores nothing; a send with a trailing newline used to be accepted as a contact of its own.
/// </summary>
[TestFixture]
public sealed class PhoneNumberEntryPointTests
{
    private WhatsAppApiFactory _factory = null!;
    private HttpClient _admin = null!;

    [OneTimeSetUp]
    public void StartApp()
    {
        _factory = new WhatsAppApiFactory();
        _admin = _factory.CreateClientWithKey(TestApiKeys.Admin);
    }

    [OneTimeTearDown]
    public async Task StopApp()
    {
        _admin.Dispose();
        await _factory.DisposeAsync();
    }

    [TestCaseSource(typeof(BadPhoneNumbers), nameof(BadPhoneNumbers.Cases))]
    public async Task Send_SpoiledTo_Returns400NamingToAndStoresNothing(string to)
    {
        var response = await _admin.PostAsJsonAsync("/api/messages", new { to, message = "Hi" });

        await AssertRefusedAsync(response, "to");
    }

    [TestCaseSource(typeof(BadPhoneNumbers), nameof(BadPhoneNumbers.Cases))]
    public async Task Send_SpoiledFrom_Returns400NamingFromAndStoresNothing(string from)
    {
        var response = await _admin.PostAsJsonAsync("/api/messages", new { to = BadPhoneNumbers.Valid, from, message = "Hi" });

        await AssertRefusedAsync(response, "from");
    }

    [TestCaseSource(typeof(BadPhoneNumbers), nameof(BadPhoneNumbers.Cases))]
    public async Task SimulateInbound_SpoiledFrom_Returns400NamingFromAndStoresNothing(string from)
    {
        var response = await _admin.PostAsJsonAsync("/api/admin/simulator/inbound", new { from, message = "Hi" });

        await AssertRefusedAsync(response, "from");
    }

    [TestCaseSource(typeof(BadPhoneNumbers), nameof(BadPhoneNumbers.Cases))]
    public async Task Window_SpoiledContact_Returns400NamingContact(string contact) =>
        await AssertRefusedAsync(await _admin.GetAsync($"/api/contacts/{Uri.EscapeDataString(contact)}/window"), "contact");

    [TestCaseSource(typeof(BadPhoneNumbers), nameof(BadPhoneNumbers.Cases))]
    public async Task Erase_SpoiledContact_Returns400NamingContact(string contact) =>
        await AssertRefusedAsync(await _admin.DeleteAsync($"/api/contacts/{Uri.EscapeDataString(contact)}"), "contact");

    [TestCaseSource(typeof(BadPhoneNumbers), nameof(BadPhoneNumbers.Cases))]
    public async Task Timeline_SpoiledContact_Returns400NamingContact(string contact) =>
        await AssertRefusedAsync(await _admin.GetAsync($"/api/conversations/{Uri.EscapeDataString(contact)}/messages"), "contact");

    [TestCaseSource(nameof(QueryCases))]
    public async Task History_SpoiledNumberInQuery_Returns400NamingTheParameter(string path, string parameter, string number) =>
        await AssertRefusedAsync(await _admin.GetAsync($"{path}?{parameter}={Uri.EscapeDataString(number)}"), parameter);

    private static IEnumerable<TestCaseData> QueryCases() =>
        from endpoint in new[] { ("/api/messages", "contact"), ("/api/messages", "from"), ("/api/messages/export", "contact"), ("/api/conversations", "q") }
        from bad in BadPhoneNumbers.All()
        select new TestCaseData(endpoint.Item1, endpoint.Item2, bad.Value).SetArgDisplayNames(endpoint.Item1, endpoint.Item2, bad.Name);

    private async Task AssertRefusedAsync(HttpResponseMessage response, string key)
    {
        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(ErrorKeys(problem), Is.EqualTo(new[] { key }));
        var stored = await _factory.WithDbAsync(async db => (await db.Messages.CountAsync(), await db.WebhookReceipts.CountAsync(), await db.Contacts.CountAsync()));
        Assert.That(stored, Is.EqualTo((0, 0, 0)), "messages, webhook receipts, contacts");
    }
}
