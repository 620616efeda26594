using System.Net;
using System.Text;
using static WhatsApp.Tests.Functional.History.HistoryData;

namespace WhatsApp.Tests.Functional.History;

[TestFixture]
public sealed class ExportTests
{
    private static readonly string[] Bodies =
    [
        "plain",
        "comma, inside",
        "a \"quoted\" word",
        "two\nlines",
        "crlf\r\nline",
        "emoji 🎉🙏 and 中文",
    ];

    private WhatsAppApiFactory _factory = null!;
    private HttpClient _agent = null!;

    [OneTimeSetUp]
    public async Task Seed()
    {
        _factory = new WhatsAppApiFactory();
        _agent = _factory.CreateClientWithKey(TestApiKeys.Agent);
        var data = new HistoryData(_factory.Services);
        for (var i = 0; i < Bodies.Length; i++)
        {
            await data.OutboundAsync(Alice, Start.AddMinutes(i), Bodies[i]);
        }

        await data.OutboundAsync(Boris, Start.AddHours(1), "not for this export");
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        _agent.Dispose();
        await _factory.DisposeAsync();
    }

    [Test]
    public async Task Export_WithContactFilter_IsCsvWithHeaderAndEveryBodyRoundTripping()
    {
        var response = await _agent.GetAsync($"/api/messages/export?contact={Uri.EscapeDataString(Alice)}");

        var text = await response.Content.ReadAsStringAsync();
        var rows = ParseCsv(text);
        var bodyColumn = Array.IndexOf(rows[0], "body");
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/csv"));
            Assert.That(response.Content.Headers.ContentDisposition?.DispositionType, Is.EqualTo("attachment"));
            Assert.That(rows[0][0], Is.EqualTo("id"));
            Assert.That(rows, Has.Length.EqualTo(Bodies.Length + 1));
            Assert.That(rows.Skip(1).Select(r => r[bodyColumn]), Is.EqualTo(Bodies.Reverse()));
            Assert.That(rows.Skip(1).Select(r => r.Length), Is.All.EqualTo(rows[0].Length));
        });
    }

    [Test]
    public async Task Export_WithBadParameter_Returns400()
    {
        var response = await _agent.GetAsync("/api/messages/export?status=nope");

        await HttpAssertions.AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    /// <summary>A strict RFC 4180 reader: quoted fields may hold commas, quotes (doubled) and line breaks.</summary>
    private static string[][] ParseCsv(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add([.. row]);
                row.Clear();
                i++;
            }
            else
            {
                field.Append(c);
            }
        }

        Assert.That(quoted, Is.False, "unterminated quoted field");
        return [.. rows];
    }
}
