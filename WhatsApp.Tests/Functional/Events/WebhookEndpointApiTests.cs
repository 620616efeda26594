using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WhatsApp.Tests.Fakes;
using static WhatsApp.Tests.Functional.Events.EventTestHost;

namespace WhatsApp.Tests.Functional.Events;

[TestFixture]
public sealed class WebhookEndpointApiTests
{
    [TestCase("not a url", "url")]
    [TestCase("ftp://example.com/x", "url")]
    public async Task Create_WithABadUrl_Returns400NamingUrl_AndStoresNothing(string url, string field)
    {
        await using var host = new Webhooks.WebhookTestHost();
        var admin = Admin(host);

        var response = await admin.PostAsJsonAsync("/api/webhook-endpoints", new { url });

        var problem = await HttpAssertions.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("errors").TryGetProperty(field, out _), Is.True, problem.ToString());
        var list = await admin.GetFromJsonAsync<JsonElement>("/api/webhook-endpoints");
        Assert.That(list.GetProperty("items").GetArrayLength(), Is.Zero);
    }

    [TestCase("http://example.com/hook")]
    [TestCase("https://127.0.0.1/hook")]
    [TestCase("https://169.254.169.254/latest/meta-data")]
    [TestCase("https://10.0.0.5/hook")]
    public async Task Create_OutsideDevelopment_RefusesPlainHttpAndPrivateAddresses(string url)
    {
        await using var host = new Webhooks.WebhookTestHost();

        var response = await Admin(host).PostAsJsonAsync("/api/webhook-endpoints", new { url });

        var problem = await HttpAssertions.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("errors").TryGetProperty("url", out _), Is.True);
    }

    [Test]
    public async Task Create_WithAnUnknownEventTypeOrSender_Returns400NamingTheField()
    {
        await using var host = new Webhooks.WebhookTestHost();
        var admin = Admin(host);

        var types = await admin.PostAsJsonAsync("/api/webhook-endpoints", new { url = "https://example.com/h", event_types = new[] { "message.exploded" } });
        var senders = await admin.PostAsJsonAsync("/api/webhook-endpoints", new { url = "https://example.com/h", senders = new[] { "12345" } });

        Assert.That((await HttpAssertions.AssertProblemAsync(types, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("event_types", out _), Is.True);
        Assert.That((await HttpAssertions.AssertProblemAsync(senders, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("senders", out _), Is.True);
    }

    [Test]
    public async Task Lifecycle_CreateGetPatchRotateDelete_ShowsTheSecretOnlyWhenMade()
    {
        await using var host = new Webhooks.WebhookTestHost();
        var admin = Admin(host);

        var created = await (await admin.PostAsJsonAsync("/api/webhook-endpoints", new { url = "https://example.com/h", description = "CRM" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        var got = await admin.GetFromJsonAsync<JsonElement>($"/api/webhook-endpoints/{id}");
        var patched = await (await admin.PatchAsJsonAsync($"/api/webhook-endpoints/{id}", new { event_types = new[] { "message.failed" }, disabled = true }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var rotated = await (await admin.PostAsync($"/api/webhook-endpoints/{id}/rotate-secret", null)).Content.ReadFromJsonAsync<JsonElement>();
        var deleted = await admin.DeleteAsync($"/api/webhook-endpoints/{id}");
        var after = await admin.GetAsync($"/api/webhook-endpoints/{id}");

        Assert.Multiple(() =>
        {
            Assert.That(created.GetProperty("secret").GetString(), Does.StartWith("whsec_"));
            Assert.That(created.GetProperty("event_types").GetArrayLength(), Is.EqualTo(8), "omitted: every type");
            Assert.That(got.GetProperty("secret").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(got.GetProperty("description").GetString(), Is.EqualTo("CRM"));
            Assert.That(patched.GetProperty("event_types").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { "message.failed" }));
            Assert.That(patched.GetProperty("disabled").GetBoolean(), Is.True);
            Assert.That(patched.GetProperty("description").GetString(), Is.EqualTo("CRM"), "omitted fields stay");
            Assert.That(rotated.GetProperty("secret").GetString(), Does.StartWith("whsec_").And.Not.EqualTo(created.GetProperty("secret").GetString()));
            Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }

    [Test]
    public async Task TestEvent_ReachesTheEndpoint_AndRotationSignsWithBothSecretsDuringTheOverlap()
    {
        await using var receiver = await EventReceiver.StartAsync();
        await using var host = Start();
        var admin = Admin(host);
        var (id, oldSecret) = await RegisterAsync(admin, receiver);
        var rotated = await (await admin.PostAsync($"/api/webhook-endpoints/{id}/rotate-secret", null)).Content.ReadFromJsonAsync<JsonElement>();
        var newSecret = rotated.GetProperty("secret").GetString()!;

        Assert.That((await admin.PostAsync($"/api/webhook-endpoints/{id}/test", null)).StatusCode, Is.EqualTo(HttpStatusCode.Accepted));

        var test = await receiver.WaitForAsync(r => r.Type == "webhook.test");
        Assert.Multiple(() =>
        {
            Assert.That(test.Signature.Split(' '), Has.Length.EqualTo(2));
            Assert.That(Verifies(test, newSecret), Is.True);
            Assert.That(Verifies(test, oldSecret), Is.True);
        });
    }

    [Test]
    public async Task Deliveries_WithAnUnknownStatusOrCursor_Returns400NamingIt()
    {
        await using var host = new Webhooks.WebhookTestHost();
        var admin = Admin(host);
        var id = (await (await admin.PostAsJsonAsync("/api/webhook-endpoints", new { url = "https://example.com/h" })).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("id").GetGuid();

        var status = await admin.GetAsync($"/api/webhook-endpoints/{id}/deliveries?status=lost");
        var cursor = await admin.GetAsync($"/api/webhook-endpoints/{id}/deliveries?cursor=xyz");
        var recover = await admin.PostAsync($"/api/webhook-endpoints/{id}/recover", null);

        Assert.That((await HttpAssertions.AssertProblemAsync(status, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("status", out _), Is.True);
        Assert.That((await HttpAssertions.AssertProblemAsync(cursor, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("cursor", out _), Is.True);
        Assert.That((await HttpAssertions.AssertProblemAsync(recover, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("since", out _), Is.True);
    }
}
