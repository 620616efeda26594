using WhatsApp.Api.Paging;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WhatsApp.Domain.Messages;
using static WhatsApp.Tests.Functional.HttpAssertions;
using static WhatsApp.Tests.Functional.History.HistoryData;

namespace WhatsApp.Tests.Functional.History;

[TestFixture]
public sealed class TimelineAndConversationTests
{
    private const string Dora = "+4915100000004";
    private WhatsAppApiFactory _factory = null!;
    private HttpClient _agent = null!;
    private HistoryData _data = null!;
    private List<Guid> _alice = null!;

    [OneTimeSetUp]
    public async Task Seed()
    {
        _factory = new WhatsAppApiFactory();
        _agent = _factory.CreateClientWithKey(TestApiKeys.Agent);
        _data = new HistoryData(_factory.Services);
        _alice = [];
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < 12; i++)
        {
            _alice.Add(i % 3 == 0
                ? await _data.InboundAsync(Alice, now.AddHours(-5).AddMinutes(i), $"Question {i}")
                : await _data.OutboundAsync(Alice, now.AddHours(-5).AddMinutes(i), $"Answer {i}"));
        }

        await _data.OutboundAsync(Boris, now.AddHours(-3), "Sorry", MessageStatus.Failed);
        await _data.InboundAsync(Chen, now.AddDays(-3), new string('长', 150));
        await _data.OutboundAsync(Dora, now.AddHours(-1), "Your code is 123456");
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        _agent.Dispose();
        await _factory.DisposeAsync();
    }

    [Test]
    public async Task Timeline_WalkedOlderThenNewer_VisitsEveryMessageOnceInBothDirections()
    {
        var older = new List<Guid>();
        string? before = null;
        string? newest = null;
        var pages = 0;
        do
        {
            Assert.That(++pages, Is.LessThanOrEqualTo(MaxPages), "the cursor walk never ended");
            var page = await TimelineAsync($"limit=5{(before is null ? "" : "&before=" + before)}");
            older.AddRange(Ids(page));
            newest ??= page.GetProperty("prev_cursor").GetString();
            before = page.GetProperty("next_cursor").GetString();
        }
        while (before is not null);

        var oldestFirst = await TimelineAsync("limit=1&before=" + Cursor(older[^2]));
        var newer = new List<Guid>(Ids(oldestFirst));
        var after = oldestFirst.GetProperty("prev_cursor").GetString();
        while (true)
        {
            Assert.That(++pages, Is.LessThanOrEqualTo(MaxPages), "the cursor walk never ended");
            var page = await TimelineAsync($"limit=5&after={after}");
            var ids = Ids(page);
            if (ids.Count == 0)
            {
                break;
            }

            newer.AddRange(ids.AsEnumerable().Reverse());
            after = page.GetProperty("prev_cursor").GetString();
        }

        Assert.Multiple(() =>
        {
            Assert.That(older, Is.EqualTo(_alice.OrderDescending().ToList()));
            Assert.That(newer, Is.EqualTo(_alice.Order().ToList()));
            Assert.That(newest, Is.Not.Null);
        });
    }

    [Test]
    public async Task Timeline_WhileNewMessagesArrive_WalkYieldsExactlyTheMessagesThatExistedOnce()
    {
        const string contact = "+33600000005";
        var existing = new List<Guid>();
        for (var i = 0; i < 20; i++)
        {
            existing.Add(await _data.OutboundAsync(contact, DateTimeOffset.UtcNow.AddMinutes(-30 + i), $"m{i}"));
        }

        var seen = new List<Guid>();
        string? before = null;
        var page = 0;
        do
        {
            Assert.That(page, Is.LessThan(MaxPages), "the cursor walk never ended");
            var result = await _agent.GetFromJsonAsync<JsonElement>(
                $"/api/conversations/{Uri.EscapeDataString(contact)}/messages?limit=3{(before is null ? "" : "&before=" + before)}");
            seen.AddRange(Ids(result));
            before = result.GetProperty("next_cursor").GetString();
            await _data.OutboundAsync(contact, DateTimeOffset.UtcNow.AddMinutes(page++), "arrived during the walk");
        }
        while (before is not null);

        Assert.That(seen, Is.EqualTo(existing.OrderDescending().ToList()));
    }

    [Test]
    public async Task Conversations_Default_MostRecentActivityFirstWithCountsAndPreview()
    {
        var page = await _agent.GetFromJsonAsync<JsonElement>("/api/conversations");

        var rows = page.GetProperty("items").EnumerateArray().ToList();
        var alice = rows.Single(r => r.GetProperty("contact").GetString() == Alice);
        var chen = rows.Single(r => r.GetProperty("contact").GetString() == Chen);
        Assert.Multiple(() =>
        {
            Assert.That(rows[0].GetProperty("contact").GetString(), Is.Not.EqualTo(Chen));
            Assert.That(rows[^1].GetProperty("contact").GetString(), Is.EqualTo(Chen));
            Assert.That(alice.GetProperty("inbound_count").GetInt32(), Is.EqualTo(4));
            Assert.That(alice.GetProperty("outbound_count").GetInt32(), Is.EqualTo(8));
            Assert.That(alice.GetProperty("window_open").GetBoolean(), Is.True);
            Assert.That(alice.GetProperty("last_message").GetProperty("direction").GetString(), Is.EqualTo("outbound"));
            Assert.That(chen.GetProperty("last_message").GetProperty("preview").GetString(), Has.Length.EqualTo(100));
            Assert.That(chen.GetProperty("window_open").GetBoolean(), Is.False);
        });
    }

    [TestCase("window=open", new[] { Alice })]
    [TestCase("window=closed&q=%2B49", new[] { Dora })]
    [TestCase("has_failed=true", new[] { Boris })]
    [TestCase("q=%2B8613", new[] { Chen })]
    [TestCase("q=%2B999", new string[0])]
    public async Task Conversations_WithFilter_ReturnsOnlyMatchingContacts(string query, string[] expected)
    {
        var page = await _agent.GetFromJsonAsync<JsonElement>($"/api/conversations?{query}");

        var contacts = page.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("contact").GetString()).ToList();
        Assert.That(contacts, Is.EquivalentTo(expected));
    }

    [Test]
    public async Task Conversations_PagedByOne_VisitEveryContactOnce()
    {
        var seen = new List<string?>();
        string? cursor = null;
        var pages = 0;
        do
        {
            Assert.That(++pages, Is.LessThanOrEqualTo(MaxPages), "the cursor walk never ended");
            var page = await _agent.GetFromJsonAsync<JsonElement>($"/api/conversations?limit=1{(cursor is null ? "" : "&cursor=" + cursor)}");
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("contact").GetString()));
            cursor = page.GetProperty("next_cursor").GetString();
        }
        while (cursor is not null);

        Assert.That(seen, Is.Unique);
        Assert.That(seen, Is.SupersetOf(new[] { Alice, Boris, Chen, Dora }));
    }

    [TestCase("window=half", "window")]
    [TestCase("q=abc", "q")]
    [TestCase("limit=500", "limit")]
    [TestCase("cursor=%21%21", "cursor")]
    public async Task Conversations_WithBadParameter_Returns400NamingIt(string query, string parameter)
    {
        var response = await _agent.GetAsync($"/api/conversations?{query}");

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(ErrorKeys(problem), Does.Contain(parameter));
    }

    [Test]
    public async Task Timeline_ForAnUnknownContact_IsAnEmptyPage()
    {
        var page = await _agent.GetFromJsonAsync<JsonElement>("/api/conversations/%2B15550001111/messages");

        Assert.Multiple(() =>
        {
            Assert.That(page.GetProperty("items").GetArrayLength(), Is.Zero);
            Assert.That(page.GetProperty("next_cursor").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });
    }

    [Test]
    public async Task Timeline_WithBeforeAndAfter_Returns400()
    {
        var cursor = Cursor(_alice[5]);

        var response = await _agent.GetAsync($"/api/conversations/{Uri.EscapeDataString(Alice)}/messages?before={cursor}&after={cursor}");

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(ErrorKeys(problem), Does.Contain("after"));
    }

    private static string Cursor(Guid id) => CursorCodec.Encode(new WhatsApp.Domain.History.MessageCursor(id));

    private static List<Guid> Ids(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();

    private Task<JsonElement> TimelineAsync(string query) =>
        _agent.GetFromJsonAsync<JsonElement>($"/api/conversations/{Uri.EscapeDataString(Alice)}/messages?{query}");
}
