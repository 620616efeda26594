using System.Net;
using Microsoft.EntityFrameworkCore;
using static WhatsApp.Tests.Functional.HttpAssertions;

namespace WhatsApp.Tests.Functional;

[TestFixture]
public sealed class IdempotencyTests
{
    private WhatsAppApiFactory _factory = null!;
    private HttpClient _sender = null!;

    [OneTimeSetUp]
    public void StartApp()
    {
        _factory = new WhatsAppApiFactory();
        _sender = _factory.CreateClientWithKey(TestApiKeys.Sender);
    }

    [OneTimeTearDown]
    public async Task StopApp()
    {
        _sender.Dispose();
        await _factory.DisposeAsync();
    }

    [Test]
    public async Task Send_SameKeyAndBody_ReturnsOriginalResponseAndStoresOneMessage()
    {
        var key = Guid.NewGuid().ToString();

        var first = await SendAsync(key, """{"to":"+14155552671","message":"Hi"}""");
        var second = await SendAsync(key, """{ "message": "Hi", "to": "+14155552671" }""");

        Assert.Multiple(async () =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(await second.Content.ReadAsStringAsync(), Is.EqualTo(await first.Content.ReadAsStringAsync()));
            Assert.That(second.Headers.Location, Is.EqualTo(first.Headers.Location));
            Assert.That(second.Headers.GetValues("Idempotent-Replayed").Single(), Is.EqualTo("true"));
            Assert.That(await CountForKeyAsync(key), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Send_SameKeyDifferentBody_Returns409Problem()
    {
        var key = Guid.NewGuid().ToString();
        await SendAsync(key, """{"to":"+14155552671","message":"Hi"}""");

        var conflict = await SendAsync(key, """{"to":"+14155552671","message":"Hello"}""");

        await AssertProblemAsync(conflict, HttpStatusCode.Conflict);
        Assert.That(await CountForKeyAsync(key), Is.EqualTo(1));
    }

    [Test]
    public async Task Send_SameKeyFromAnotherClient_CreatesItsOwnMessage()
    {
        var key = Guid.NewGuid().ToString();
        using var other = _factory.CreateClientWithKey(TestApiKeys.OtherSender);
        await SendAsync(key, """{"to":"+14155552671","message":"Hi"}""");

        using var request = Request(key, """{"to":"+14155552671","message":"Hi"}""");
        var response = await other.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(response.Headers.GetValues("Idempotent-Replayed").Single(), Is.EqualTo("false"));
    }

    [Test]
    public async Task Send_TwentyConcurrentRequestsWithOneKey_CreateOneMessage()
    {
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20)
            .Select(_ => SendAsync(key, """{"to":"+14155552671","message":"Race"}""")));

        var locations = responses.Select(r => r.Headers.Location).Distinct().ToList();
        Assert.Multiple(async () =>
        {
            Assert.That(responses.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.Accepted));
            Assert.That(locations, Has.Count.EqualTo(1));
            Assert.That(await CountForKeyAsync(key), Is.EqualTo(1));
            Assert.That(await _factory.WithDbAsync(db => db.Messages.CountAsync(m => m.Content.Text == "Race")), Is.EqualTo(1));
        });
    }

    private async Task<HttpResponseMessage> SendAsync(string key, string body)
    {
        using var request = Request(key, body);
        return await _sender.SendAsync(request);
    }

    private static HttpRequestMessage Request(string key, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    private Task<int> CountForKeyAsync(string key) =>
        _factory.WithDbAsync(db => db.IdempotencyRecords.CountAsync(r => r.Key == key));
}
