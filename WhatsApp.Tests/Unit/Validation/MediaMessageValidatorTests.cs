using static WhatsApp.Tests.Builders.SendMessageRequestBuilder;

namespace WhatsApp.Tests.Unit.Validation;

public sealed class MediaMessageValidatorTests : ValidatorTestBase
{
    [Test]
    public void Validate_HttpUrlWithoutCaption_HasNoErrors() =>
        AssertValid(Media("http://cdn.example.com/a.pdf") with { Message = null });

    [Test]
    public void Validate_Caption1024Chars_HasNoErrors() => AssertValid(Media() with { Message = new string('c', 1024) });

    [Test]
    public void Validate_NoUrls_ErrorOnMediaUrls() => AssertErrorKeys(Media() with { MediaUrls = [] }, "media_urls");

    [Test]
    public void Validate_UrlsMissing_ErrorOnMediaUrls() => AssertErrorKeys(Media() with { MediaUrls = null }, "media_urls");

    [Test]
    public void Validate_TwoUrls_ErrorOnMediaUrls() =>
        AssertErrorKeys(Media("https://cdn.example.com/a.png", "https://cdn.example.com/b.png"), "media_urls");

    [TestCase("ftp://cdn.example.com/a.png", TestName = "Validate_FtpUrl_ErrorOnFirstUrl")]
    [TestCase("/images/a.png", TestName = "Validate_RelativeUrl_ErrorOnFirstUrl")]
    [TestCase("cdn.example.com/a.png", TestName = "Validate_UrlWithoutScheme_ErrorOnFirstUrl")]
    [TestCase("", TestName = "Validate_EmptyUrl_ErrorOnFirstUrl")]
    [TestCase(null, TestName = "Validate_NullUrl_ErrorOnFirstUrl")]
    public void Validate_BadUrl_ErrorOnFirstUrl(string? url) => AssertErrorKeys(Media(url), "media_urls[0]");

    [Test]
    public void Validate_UrlLongerThanLimit_ErrorOnFirstUrl() =>
        AssertErrorKeys(Media("https://cdn.example.com/" + new string('a', 2048)), "media_urls[0]");

    [Test]
    public void Validate_Caption1025Chars_ErrorOnMessage() =>
        AssertErrorKeys(Media() with { Message = new string('c', 1025) }, "message");
}
