using WhatsApp.Infrastructure.Plivo.Signatures;

namespace WhatsApp.Tests.Unit.Signatures;

/// <summary>Edge cases of the V3 string to sign that Plivo's vectors do not cover.</summary>
[TestFixture]
public sealed class PlivoSignatureV3StringToSignTests
{
    private const string Token = "MY_TEST_AUTH_TOKEN_1234567890";

    [Test]
    public void StringToSign_RepeatedKeys_KeepsEveryPairSortedByKeyThenValue()
    {
        KeyValuePair<string, string>[] body = [new("b", "2"), new("a", "z"), new("a", "y")];

        Assert.Multiple(() =>
        {
            Assert.That(PlivoSignatureV3.StringToSign("https://x.test/p", "POST", body, "n"), Is.EqualTo("https://x.test/p?ayazb2.n"));
            Assert.That(PlivoSignatureV3.StringToSign("https://x.test/p?k=2&k=1", "GET", [], "n"), Is.EqualTo("https://x.test/p?k=1&k=2.n"));
        });
    }

    [Test]
    public void StringToSign_QueryKeyWithoutValue_KeptWithAnEmptyValue()
    {
        // plivo-python parses the query with keep_blank_values=True.
        Assert.That(PlivoSignatureV3.StringToSign("https://x.test/p?flag&a=1+2", "GET", [], "n"), Is.EqualTo("https://x.test/p?a=1 2&flag=.n"));
    }

    [Test]
    public void StringToSign_PostWithQueryAndEmptyBody_HasNoTrailingDot()
    {
        Assert.That(PlivoSignatureV3.StringToSign("https://x.test/p?b=2&a=1", "POST", [], "n"), Is.EqualTo("https://x.test/p?a=1&b=2.n"));
    }

    [TestCase("PUT")]
    [TestCase("")]
    public void ComputeV3_UnsupportedMethod_Throws(string method)
    {
        Assert.Throws<ArgumentException>(() => PlivoSignatureV3.ComputeV3("https://x.test/p", method, [], "n", Token));
    }

    [TestCase("/relative/path")]
    [TestCase("ftp://x.test/p")]
    public void ComputeV3_NotAnAbsoluteHttpUrl_Throws(string url)
    {
        Assert.Throws<ArgumentException>(() => PlivoSignatureV3.ComputeV3(url, "POST", [], "n", Token));
    }
}
