using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WhatsApp.Domain.Messages;
using static WhatsApp.Tests.Functional.HttpAssertions;
using static WhatsApp.Tests.Functional.History.HistoryData;

namespace WhatsApp.Tests.Functional.History;

[TestFixture]
public sealed class MessageSearchTests
{
    private WhatsAppApiFactory _factory = null!;
    private HttpClient _agent = null!;
    private HistoryData _data = null!;

    [OneTimeSetUp]
    public async Task Seed()
    {
        _factory = new WhatsAppApiFactory();
        _agent = _factory.CreateClientWithKey(TestApiKeys.Agent);
        _data = new HistoryData(_factory.Services);
        await _data.InboundAsync(Alice, Start, "Hi, where is my parcel?");
        await _data.OutboundAsync(Alice, Start.AddMinutes(1), "It left the depot this morning.");
        await _data.OutboundAsync(Alice, Start.AddMinutes(2), type: MessageType.Template, template: "shipping_notice", body: null);
        await _data.InboundAsync(Boris, Start.AddHours(1), "Привет! Где мой заказ?");
        await _data.OutboundAsync(Boris, Start.AddHours(1).AddMinutes(1), "ПРИВЕТ, заказ в пути", from: SecondNumber);
        await _data.OutboundAsync(Boris, Start.AddHours(2), "Sorry", MessageStatus.Failed, errorCode: "451");
        await _data.OutboundAsync(Chen, Start.AddDays(1), "你好，订单已发货", MessageStatus.Failed, errorCode: "300");
        await _data.OutboundAsync(Chen, Start.AddDays(2), "Retrying", MessageStatus.Queued);
        await _data.InboundAsync(Chen, Start.AddDays(3), "谢谢 🙏");
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        _agent.Dispose();
        await _factory.DisposeAsync();
    }

    [TestCase("", 9)]
    [TestCase("contact=%2B447700900001", 3)]
    [TestCase("from=%2B14155550101", 1)]
    [TestCase("direction=inbound", 3)]
    [TestCase("type=template", 1)]
    [TestCase("status=failed", 2)]
    [TestCase("status=failed&status=queued", 3)]
    [TestCase("status=failed,received", 5)]
    [TestCase("error_code=451", 1)]
    [TestCase("template_name=shipping_notice", 1)]
    [TestCase("created_from=2026-10-02", 3)]
    [TestCase("created_to=2026-10-01T09:00:00Z", 3)]
    [TestCase("created_from=2026-10-01T09:00:00Z&created_to=2026-10-02T08:00:00Z", 3)]
    [TestCase("q=PARCEL", 1)]
    [TestCase("q=%D0%BF%D1%80%D0%B8%D0%B2%D0%B5%D1%82", 2)]
    [TestCase("q=%E8%AE%A2%E5%8D%95", 1)]
    [TestCase("contact=%2B79990000002&direction=outbound&status=failed", 1)]
    [TestCase("contact=%2B79990000002&q=zzz", 0)]
    public async Task Search_WithFilter_ReturnsExactlyTheMatchingMessagesNewestFirst(string query, int expected)
    {
        var page = await _agent.GetFromJsonAsync<JsonElement>($"/api/messages?{query}");

        var items = page.GetProperty("items").EnumerateArray().ToList();
        var ids = items.Select(i => i.GetProperty("id").GetGuid()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(items, Has.Count.EqualTo(expected));
            Assert.That(ids, Is.Ordered.Descending);
            Assert.That(page.GetProperty("next_cursor").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });
    }

    [Test]
    public async Task Search_PagedByTwo_VisitsEveryMessageOnceInOrder()
    {
        var seen = new List<Guid>();
        string? cursor = null;
        var pages = 0;
        do
        {
            Assert.That(++pages, Is.LessThanOrEqualTo(MaxPages), "the cursor walk never ended");
            var page = await _agent.GetFromJsonAsync<JsonElement>($"/api/messages?limit=2{(cursor is null ? "" : "&cursor=" + cursor)}");
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
            cursor = page.GetProperty("next_cursor").GetString();
        }
        while (cursor is not null);

        Assert.That(seen, Is.EqualTo(_data.Ids.OrderDescending().ToList()));
    }

    [TestCase("status=bogus", "status")]
    [TestCase("created_from=yesterday", "created_from")]
    [TestCase("created_to=2026-13-01", "created_to")]
    [TestCase("cursor=not-a-cursor", "cursor")]
    [TestCase("limit=0", "limit")]
    [TestCase("limit=201", "limit")]
    [TestCase("limit=abc", "limit")]
    [TestCase("contact=447700900001", "contact")]
    [TestCase("direction=sideways", "direction")]
    [TestCase("type=sticker", "type")]
    [TestCase("q=a%00b", "q")] // PostgreSQL refuses a U+0000 parameter: it was a 503, and a broken export stream
    [TestCase("error_code=4%0051", "error_code")]
    [TestCase("template_name=%00", "template_name")]
    public async Task Search_WithBadParameter_Returns400NamingIt(string query, string parameter)
    {
        var response = await _agent.GetAsync($"/api/messages?{query}");

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(ErrorKeys(problem), Does.Contain(parameter));
    }

    [TestCase("/api/messages")]
    [TestCase("/api/messages/export")]
    [TestCase("/api/conversations")]
    [TestCase("/api/conversations/%2B447700900001/messages")]
    public async Task History_WithSenderKey_Returns403(string path)
    {
        using var sender = _factory.CreateClientWithKey(TestApiKeys.Sender);

        var response = await sender.GetAsync(path);

        await AssertProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [TestCase("/api/messages")]
    [TestCase("/api/conversations")]
    public async Task History_WithAdminKey_Returns200(string path)
    {
        using var admin = _factory.CreateClientWithKey(TestApiKeys.Admin);

        var response = await admin.GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
