using System.Net;
using WhatsApp.Infrastructure.Events;

namespace WhatsApp.Tests.Unit.Events;

[TestFixture]
public sealed class StandardWebhookSignerTests
{
    // The specification's test vector (../shared/plivo-whatsapp-facts.md, section 7.7).
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string Id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const long Timestamp = 1614265330;
    private const string Body = """{"test": 2432232314}""";
    private const string Expected = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    [Test]
    public void Sign_TheSpecificationsTestVector_GivesItsSignature() =>
        Assert.That(StandardWebhookSigner.Sign([Secret], Id, Timestamp, Body), Is.EqualTo(Expected));

    [Test]
    public void Sign_TwoSecrets_GivesBothSignaturesSpaceSeparatedCurrentFirst()
    {
        var other = "whsec_" + Convert.ToBase64String(new byte[32]);

        var header = StandardWebhookSigner.Sign([other, Secret], Id, Timestamp, Body);

        var entries = header.Split(' ');
        Assert.That(entries, Has.Length.EqualTo(2));
        Assert.That(entries[1], Is.EqualTo(Expected));
        Assert.That(entries[0], Does.StartWith("v1,").And.Not.EqualTo(Expected));
    }

    [Test]
    public void Sign_OneByteOfTheBodyChanged_GivesAnotherSignature() =>
        Assert.That(StandardWebhookSigner.Sign([Secret], Id, Timestamp, Body.Replace('4', '5')), Is.Not.EqualTo(Expected));

    [TestCase("127.0.0.1", false)]
    [TestCase("10.1.2.3", false)]
    [TestCase("172.16.0.1", false)]
    [TestCase("172.32.0.1", true)]
    [TestCase("192.168.1.1", false)]
    [TestCase("169.254.169.254", false)]
    [TestCase("100.64.0.1", false)]
    [TestCase("100.128.0.1", true)]
    [TestCase("0.0.0.0", false)]
    [TestCase("224.0.0.1", false)]
    [TestCase("8.8.8.8", true)]
    [TestCase("::1", false)]
    [TestCase("fd00::1", false)]
    [TestCase("fe80::1", false)]
    [TestCase("::ffff:127.0.0.1", false)]
    [TestCase("2606:4700:4700::1111", true)]
    public void IsPublic_Address_IsOnlyForTheInternet(string address, bool expected) =>
        Assert.That(PublicAddresses.IsPublic(IPAddress.Parse(address)), Is.EqualTo(expected));
}
