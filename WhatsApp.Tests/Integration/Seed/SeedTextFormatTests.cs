using System.Globalization;
using System.Text;
using System.Text.Json;
using WhatsApp.Seed.Writing;
using WhatsApp.Tests.Databases;

namespace WhatsApp.Tests.Integration.Seed;

/// <summary>The seeder's hand-written formats against the library code the app's writes go through.</summary>
[TestFixture]
[Category(TestPostgres.SqliteOnly)] // SQLite's text encoding of values.
public sealed class SeedTextFormatTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Test]
    public void JsonText_EveryCharacter_IsEscapedLikeSystemTextJson()
    {
        var mismatches = new List<string>();
        for (var c = 0; c <= char.MaxValue; c++)
        {
            if (char.IsSurrogate((char)c))
            {
                continue;
            }

            var text = "a" + (char)c + "b";
            var expected = JsonSerializer.Serialize(text, Web);
            var actual = new StringBuilder().AppendString(text).ToString();
            if (actual != expected)
            {
                mismatches.Add($"U+{c:X4}: {actual} vs {expected}");
            }
        }

        Assert.That(mismatches, Is.Empty);
    }

    [TestCase("👍🏽 ok")]
    [TestCase("Здравствуйте, где мой заказ A-12345?")]
    [TestCase("I haven't \"got\" <it> & 1+1 `x` \\ \n\r\t\b\f end")]
    public void JsonText_MixedText_IsEscapedLikeSystemTextJson(string text) =>
        Assert.That(new StringBuilder().AppendString(text).ToString(), Is.EqualTo(JsonSerializer.Serialize(text, Web)));

    [TestCase(0L)]
    [TestCase(1_764_201_600_000L)]
    [TestCase(1_764_201_600_100L)]
    [TestCase(1_764_201_600_120L)]
    [TestCase(1_764_201_600_123L)]
    [TestCase(1_764_201_659_999L)]
    public void SqliteText_Milliseconds_FormattedLikeDateTimeParameters(long unixMs) =>
        Assert.That(SqliteText.Of(unixMs), Is.EqualTo(DateTime.UnixEpoch.AddMilliseconds(unixMs).ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture)));

    [Test]
    public void SqliteText_Guid_IsUpperCaseD()
    {
        var id = Guid.CreateVersion7();

        Assert.That(SqliteText.Of(id), Is.EqualTo(id.ToString("D").ToUpperInvariant()));
    }
}
