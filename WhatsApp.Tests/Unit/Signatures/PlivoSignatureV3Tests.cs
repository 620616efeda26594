using WhatsApp.Infrastructure.Plivo.Signatures;
using static WhatsApp.Tests.Unit.Signatures.PlivoOfficialVectors;

namespace WhatsApp.Tests.Unit.Signatures;

[TestFixture]
public sealed class PlivoSignatureV3Tests
{
    private const string DerivedToken = "MY_TEST_AUTH_TOKEN_1234567890";
    private const string InboundUrl = "https://example.com/plivo/whatsapp/inbound";
    private const string InboundNonce = "12345678901234567890";
    private const string InboundSignature = "f+d6XAbHjpm8UriP+N5NscmudamXkydd4Z1JNxqFLhs=";

    private static readonly KeyValuePair<string, string>[] Inbound =
    [
        new("From", "919999999999"), new("To", "14155550100"), new("Type", "whatsapp"), new("ContentType", "text"),
        new("Body", "Hi there + welcome"), new("MessageUUID", "3b5a3e8e-1111-2222-3333-444455556666"),
        new("TotalRate", "0"), new("TotalAmount", "0"), new("Units", "1"),
    ];

    [TestCase("POST", UrlWithQuery, "k7Pusd4OxCIjR5IfA9iedDNu/h/gbdYqdzG/MiYtd1c=")]
    [TestCase("GET", UrlWithQuery, "UBq8jAtd32wR8EK9VgxbBn4n5rpI/l1H9iN4WfSEHFQ=")]
    [TestCase("POST", UrlWithoutQuery, "iAjE5QqI37mbkYe4w3jTMudqEzbDufdqi7sYwTu64e0=")]
    [TestCase("GET", UrlWithoutQuery, "i/MQsaQSAd6fiKhOh2qeeeLHZ9faldADSb3/7+Akfbc=")]
    public void ComputeV3_OfficialVector_MatchesPlivo(string method, string url, string expected)
    {
        // The published GET vectors pass the same 13 parameters, which a GET merges into the query.
        Assert.Multiple(() =>
        {
            Assert.That(PlivoSignatureV3.ComputeV3(url, method, Params, Nonce, Token), Is.EqualTo(expected));
            Assert.That(PlivoSignatureV3.VerifyV3(url, method, Params, Nonce, expected, [Token]), Is.True);
        });
    }

    [Test]
    public void VerifyV3_CaseInsensitivelySortedSignature_DoesNotVerify()
    {
        Assert.That(
            PlivoSignatureV3.VerifyV3(UrlWithoutQuery, "POST", Params, Nonce, CaseInsensitiveSortSignature, [Token]), Is.False);
    }

    [TestCase("POST", InboundUrl, InboundNonce, InboundSignature,
        "https://example.com/plivo/whatsapp/inbound?BodyHi there + welcomeContentTypetextFrom919999999999MessageUUID3b5a3e8e-1111-2222-3333-444455556666To14155550100TotalAmount0TotalRate0TypewhatsappUnits1.12345678901234567890")]
    [TestCase("POST", "https://example.com/plivo/status?tenant=acme&b=2", "00000000000000000001", "npO3w3sYX2Dg2XQpTp7r2Yj6KCV0EE0EVerRFkxtW8E=",
        "https://example.com/plivo/status?b=2&tenant=acme.ErrorCode000From14155550100MessageUUID3b5a3e8e-1111-2222-3333-444455556666StatusdeliveredTo919999999999Typewhatsapp.00000000000000000001")]
    [TestCase("POST", "https://example.com/plivo/empty", "42", "hK/ErzGU0PO2zqaiwJ3RqfOh60mwGbSM018+4pnop+4=",
        "https://example.com/plivo/empty.42")]
    [TestCase("GET", "https://example.com/plivo/status?b=2&a=1", "99", "qFAKfdZ4LuJtTrl2kwab/qDmEbu1BtjluNQBwaO5m/I=",
        "https://example.com/plivo/status?MessageUUID=abc&Status=read&a=1&b=2.99")]
    [TestCase("POST", "https://example.com/abcd?foo=bar", "kjsdhfsd87sd7yisud2", "5YHq1r6kjgo/IX9TcpLum4w4AisX5CKHEzBEqzl04Xo=",
        "https://example.com/abcd?foo=bar.CallUUID4vbcpem8-0u46-x1ha-9af1-438vc92bf374Digits1234From+15551111111To+15555555555.kjsdhfsd87sd7yisud2")]
    public void ComputeV3_DerivedVector_MatchesStringToSignAndSignature(
        string method, string url, string nonce, string expected, string expectedStringToSign)
    {
        var parameters = DerivedParameters(url);

        Assert.Multiple(() =>
        {
            Assert.That(PlivoSignatureV3.StringToSign(url, method, parameters, nonce), Is.EqualTo(expectedStringToSign));
            Assert.That(PlivoSignatureV3.ComputeV3(url, method, parameters, nonce, DerivedToken), Is.EqualTo(expected));
        });
    }

    [TestCase("bogus=,{0}")]
    [TestCase("{0}")]
    [TestCase(" {0} ")]
    [TestCase("c29tZXRoaW5nIGVsc2UgZW50aXJlbHkgZGlmZmVyZW50IQ==, {0}")]
    [TestCase("first,second,{0}")]
    public void VerifyV3_HeaderHoldingTheCorrectSignatureAmongOthers_Verifies(string headerFormat)
    {
        var header = string.Format(System.Globalization.CultureInfo.InvariantCulture, headerFormat, InboundSignature);

        Assert.That(PlivoSignatureV3.VerifyV3(InboundUrl, "POST", Inbound, InboundNonce, header, [DerivedToken]), Is.True);
    }

    [TestCase("")]
    [TestCase("bogus=")]
    [TestCase("a,b,c")]
    public void VerifyV3_HeaderWithoutTheCorrectSignature_Fails(string header)
    {
        Assert.That(PlivoSignatureV3.VerifyV3(InboundUrl, "POST", Inbound, InboundNonce, header, [DerivedToken]), Is.False);
    }

    [Test]
    public void VerifyV3_TamperedBodyValue_Fails()
    {
        var tampered = Inbound.Select(p => p.Key == "Body" ? new KeyValuePair<string, string>("Body", "Hi there - welcome") : p);

        Assert.That(PlivoSignatureV3.VerifyV3(InboundUrl, "POST", tampered, InboundNonce, InboundSignature, [DerivedToken]), Is.False);
    }

    [Test]
    public void VerifyV3_ExtraBodyParameter_Fails()
    {
        var extended = Inbound.Append(new KeyValuePair<string, string>("Media0", "https://evil.example/x.jpg"));

        Assert.That(PlivoSignatureV3.VerifyV3(InboundUrl, "POST", extended, InboundNonce, InboundSignature, [DerivedToken]), Is.False);
    }

    [TestCase("https://example.com/plivo/whatsapp/outbound")]
    [TestCase("http://example.com/plivo/whatsapp/inbound")]
    [TestCase("https://example.com/plivo/whatsapp/inbound/")]
    [TestCase("https://example.com:8443/plivo/whatsapp/inbound")]
    [TestCase("https://example.com/plivo/whatsapp/inbound?tenant=acme")]
    public void VerifyV3_WrongUrl_Fails(string url)
    {
        Assert.That(PlivoSignatureV3.VerifyV3(url, "POST", Inbound, InboundNonce, InboundSignature, [DerivedToken]), Is.False);
    }

    [Test]
    public void VerifyV3_WrongNonce_Fails()
    {
        Assert.That(PlivoSignatureV3.VerifyV3(InboundUrl, "POST", Inbound, "12345678901234567891", InboundSignature, [DerivedToken]), Is.False);
    }

    [TestCase("https://example.com/plivo/status?b=2&tenant=acme")]
    [TestCase("https://example.com/plivo/status?tenant=acme&b=2")]
    [TestCase("https://example.com/plivo/status?tenant=acme&b=2#fragment")]
    [TestCase("https://example.com/plivo/status?tenant=%61cme&b=2")]
    public void VerifyV3_QueryReorderedOrEncodedDifferently_StillVerifies(string url)
    {
        Assert.That(
            PlivoSignatureV3.VerifyV3(url, "POST", DerivedParameters(url), "00000000000000000001", "npO3w3sYX2Dg2XQpTp7r2Yj6KCV0EE0EVerRFkxtW8E=", [DerivedToken]),
            Is.True);
    }

    [Test]
    public void VerifyV3_BodyInAnotherOrder_StillVerifies()
    {
        Assert.That(PlivoSignatureV3.VerifyV3(InboundUrl, "POST", Inbound.Reverse(), InboundNonce, InboundSignature, [DerivedToken]), Is.True);
    }

    [Test]
    public void VerifyV3_WrongTokenThenRightToken_VerifiesWithTheSecond()
    {
        Assert.Multiple(() =>
        {
            Assert.That(PlivoSignatureV3.VerifyV3(InboundUrl, "POST", Inbound, InboundNonce, InboundSignature, ["wrong-token"]), Is.False);
            Assert.That(PlivoSignatureV3.VerifyV3(InboundUrl, "POST", Inbound, InboundNonce, InboundSignature, ["wrong-token", DerivedToken]), Is.True);
            Assert.That(PlivoSignatureV3.VerifyV3(InboundUrl, "POST", Inbound, InboundNonce, InboundSignature, ["", DerivedToken]), Is.True);
            Assert.That(PlivoSignatureV3.VerifyV3(InboundUrl, "POST", Inbound, InboundNonce, InboundSignature, []), Is.False);
        });
    }

    [Test]
    public void VerifyV3_GetSignature_DoesNotVerifyAsPostOfTheSameParameters()
    {
        // A GET carries its parameters in the query, a POST in the body. (With an empty body and the same URL the two
        // strings to sign coincide, in every Plivo SDK, so the parameters are what tells them apart.)
        var signature = PlivoSignatureV3.ComputeV3(UrlWithQuery, "GET", [], Nonce, Token);

        Assert.Multiple(() =>
        {
            Assert.That(PlivoSignatureV3.VerifyV3(UrlWithQuery, "GET", [], Nonce, signature, [Token]), Is.True);
            Assert.That(PlivoSignatureV3.VerifyV3(UrlWithoutQuery, "POST", [new("a", "b"), new("c", "d")], Nonce, signature, [Token]), Is.False);
            Assert.That(PlivoSignatureV3.VerifyV3(UrlWithQuery, "POST", Params, Nonce, "UBq8jAtd32wR8EK9VgxbBn4n5rpI/l1H9iN4WfSEHFQ=", [Token]), Is.False);
            Assert.That(PlivoSignatureV3.VerifyV3(UrlWithoutQuery, "POST", Params, Nonce, "i/MQsaQSAd6fiKhOh2qeeeLHZ9faldADSb3/7+Akfbc=", [Token]), Is.False);
        });
    }

    [TestCase(UrlWithQuery, "k7Pusd4OxCIjR5IfA9iedDNu/h/gbdYqdzG/MiYtd1c=")]
    [TestCase(UrlWithoutQuery, "iAjE5QqI37mbkYe4w3jTMudqEzbDufdqi7sYwTu64e0=")]
    public void VerifyV3_PostSignature_DoesNotVerifyAsGet(string url, string postSignature)
    {
        Assert.Multiple(() =>
        {
            Assert.That(PlivoSignatureV3.VerifyV3(url, "GET", Params, Nonce, postSignature, [Token]), Is.False);
            Assert.That(PlivoSignatureV3.VerifyV3(url, "GET", [], Nonce, postSignature, [Token]), Is.False);
            Assert.That(PlivoSignatureV3.VerifyV3(url, "POST", Params, Nonce, postSignature, [Token]), Is.True);
        });
    }

    private static KeyValuePair<string, string>[] DerivedParameters(string url) => url switch
    {
        InboundUrl => Inbound,
        _ when url.Contains("/plivo/status?", StringComparison.Ordinal) && url.Contains("tenant", StringComparison.Ordinal) =>
        [
            new("MessageUUID", "3b5a3e8e-1111-2222-3333-444455556666"), new("Status", "delivered"), new("From", "14155550100"),
            new("To", "919999999999"), new("Type", "whatsapp"), new("ErrorCode", "000"),
        ],
        _ when url.Contains("/plivo/status?", StringComparison.Ordinal) => [new("Status", "read"), new("MessageUUID", "abc")],
        _ when url.Contains("/abcd", StringComparison.Ordinal) =>
        [
            new("CallUUID", "4vbcpem8-0u46-x1ha-9af1-438vc92bf374"), new("Digits", "1234"), new("From", "+15551111111"),
            new("To", "+15555555555"),
        ],
        _ => [],
    };
}
