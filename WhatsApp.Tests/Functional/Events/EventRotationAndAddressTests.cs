using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WhatsApp.Tests.Fakes;
using WhatsApp.Tests.Functional.Webhooks;
using static WhatsApp.Tests.Functional.Events.EventTestHost;

namespace WhatsApp.Tests.Functional.Events;

/// <summary>A rotation's overlap running out in real time, and the address check made when a delivery connects.</summary>
[TestFixture]
public sealed class EventRotationAndAddressTests
{
    [Test]
    public async Task Rotation_BothSecretsSignDuringTheOverlap_OnlyTheNewOneAfterIt()
    {
        await using var receiver = await EventReceiver.StartAsync();
        await using var host = Start(("Events:SecretOverlap", "00:00:02"));
        var admin = Admin(host);
        var (id, oldSecret) = await RegisterAsync(admin, receiver);
        var rotation = await admin.PostAsync($"/api/webhook-endpoints/{id}/rotate-secret", null);
        var rotatedAt = DateTimeOffset.UtcNow;
        var newSecret = (await rotation.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!;

        await admin.PostAsync($"/api/webhook-endpoints/{id}/test", null);
        var during = await receiver.WaitForAsync(r => r.Type == "webhook.test");
        var wait = rotatedAt.AddSeconds(2.5) - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        await admin.PostAsync($"/api/webhook-endpoints/{id}/test", null);
        var after = await receiver.WaitForAsync(r => r.Type == "webhook.test" && r.Id != during.Id);

        Assert.Multiple(() =>
        {
            Assert.That(during.Signature.Split(' '), Has.Length.EqualTo(2));
            Assert.That(Verifies(during, oldSecret) && Verifies(during, newSecret), Is.True, "during the overlap both verify");
            Assert.That(after.Signature.Split(' '), Has.Length.EqualTo(1));
            Assert.That(Verifies(after, newSecret), Is.True);
            Assert.That(Verifies(after, oldSecret), Is.False, "after the overlap the old secret no longer signs");
        });
    }

    // A name from /etc/hosts that resolves only to loopback (here and in CI: "runsc" or the like, 127.0.0.1): a name, so
    // registration cannot refuse it, and only the check at connect time stands between it and the local network.
    [TestCase(false)]
    [TestCase(true)]
    public async Task HostnameResolvingToAPrivateAddress_IsRefusedWhenConnecting_UnlessPrivateNetworksAreAllowed(bool allowPrivate)
    {
        var name = await LoopbackOnlyNameAsync();
        Assume.That(name, Is.Not.Null, "no name in /etc/hosts resolves only to loopback");
        await using var receiver = await EventReceiver.StartAsync();
        await using var host = Start(("Events:AllowPrivateNetworks", allowPrivate ? "true" : "false"));
        var admin = Admin(host);
        var url = new UriBuilder(receiver.Url) { Host = name }.Uri;
        var created = await admin.PostAsJsonAsync("/api/webhook-endpoints", new { url });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), "a name is not resolved at registration");
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        await host.PostSignedAsync(WebhookTestHost.InboundForm(Guid.NewGuid().ToString()));

        if (allowPrivate)
        {
            await receiver.WaitForAsync(r => r.Type == "message.received");
            return;
        }

        var delivery = await WaitForDeliveryAsync(admin, id, null, d => d.GetProperty("attempt_log").GetArrayLength() > 0);
        var attempt = delivery.GetProperty("attempt_log")[0];
        Assert.Multiple(() =>
        {
            Assert.That(attempt.GetProperty("error").GetString(), Does.Contain("no public address"));
            Assert.That(receiver.Received, Is.Empty, "nothing reached the local receiver");
        });
    }

    // Not the machine's own name: .NET answers that one with the interfaces' addresses, a public one among them.
    private static async Task<string?> LoopbackOnlyNameAsync()
    {
        var names = File.ReadLines("/etc/hosts")
            .Select(line => line.Split('#')[0].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length > 1 && fields[0].StartsWith("127.", StringComparison.Ordinal))
            .SelectMany(fields => fields.Skip(1))
            .Where(name => !name.Contains("localhost", StringComparison.OrdinalIgnoreCase) && !name.Equals(Dns.GetHostName(), StringComparison.OrdinalIgnoreCase));
        foreach (var name in names)
        {
            if ((await Dns.GetHostAddressesAsync(name)).All(IPAddress.IsLoopback))
            {
                return name;
            }
        }

        return null;
    }
}
