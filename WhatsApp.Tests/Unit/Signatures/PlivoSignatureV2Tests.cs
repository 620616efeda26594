using WhatsApp.Infrastructure.Plivo.Signatures;

namespace WhatsApp.Tests.Unit.Signatures;

[TestFixture]
public sealed class PlivoSignatureV2Tests
{
    private const string Url = "https://answer.url";
    private const string Nonce = "12345";
    private const string Token = "my_auth_token";
    private const string Signature = "ehV3IKhLysWBxC1sy8INm0qGoQYdYsHwuoKjsX7FsXc=";

    [Test]
    public void ComputeV2_OfficialVector_MatchesPlivo()
    {
        Assert.That(PlivoSignatureV2.ComputeV2(Url, Nonce, Token), Is.EqualTo(Signature));
    }

    [Test]
    public void VerifyV2_OfficialVector_Verifies()
    {
        Assert.That(PlivoSignatureV2.VerifyV2(Url, Nonce, Signature, [Token]), Is.True);
    }

    [Test]
    public void VerifyV2_WrongToken_Fails()
    {
        Assert.That(PlivoSignatureV2.VerifyV2(Url, Nonce, Signature, ["my_auth_tokens"]), Is.False);
    }

    [Test]
    public void VerifyV2_SecondTokenRight_Verifies()
    {
        Assert.That(PlivoSignatureV2.VerifyV2(Url, Nonce, Signature, ["my_auth_tokens", Token]), Is.True);
    }

    [Test]
    public void VerifyV2_SeveralCommaSeparatedSignatures_FailsBecauseV2ComparesTheWholeHeader()
    {
        Assert.That(PlivoSignatureV2.VerifyV2(Url, Nonce, "bogus=," + Signature, [Token]), Is.False);
    }

    [Test]
    public void VerifyV2_QueryAdded_StillVerifiesBecauseV2IgnoresTheQuery()
    {
        Assert.That(PlivoSignatureV2.VerifyV2(Url + "?x=1", Nonce, Signature, [Token]), Is.True);
    }

    [Test]
    public void VerifyV2_WrongNonceOrPath_Fails()
    {
        Assert.Multiple(() =>
        {
            Assert.That(PlivoSignatureV2.VerifyV2(Url, "12346", Signature, [Token]), Is.False);
            Assert.That(PlivoSignatureV2.VerifyV2(Url + "/other", Nonce, Signature, [Token]), Is.False);
        });
    }
}
