using System.Net;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using WhatsApp.Api.Auth;

namespace WhatsApp.Tests.Unit.Auth;

/// <summary>The memory of which key worked from which address: per pair, for an hour, and bounded.</summary>
[TestFixture]
public sealed class RecentAuthenticationsTests
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    [Test]
    public void Contains_IsTrueOnlyForTheSameKeyFromTheSameAddressWithinTheHour()
    {
        var recent = Recent(maxTracked: 100);
        recent.Record(IPAddress.Parse("198.51.100.9"), "crm");

        var sameKey = recent.Contains(IPAddress.Parse("198.51.100.9"), "crm");
        var otherKey = recent.Contains(IPAddress.Parse("198.51.100.9"), "billing");
        var otherAddress = recent.Contains(IPAddress.Parse("198.51.100.10"), "crm");
        var mapped = recent.Contains(IPAddress.Parse("::ffff:198.51.100.9"), "crm");
        _clock.Advance(TimeSpan.FromHours(1));
        var anHourLater = recent.Contains(IPAddress.Parse("198.51.100.9"), "crm");

        Assert.Multiple(() =>
        {
            Assert.That(sameKey, Is.True);
            Assert.That(otherKey, Is.False);
            Assert.That(otherAddress, Is.False);
            Assert.That(mapped, Is.True, "the same address, IPv4-mapped");
            Assert.That(anHourLater, Is.False);
        });
    }

    [Test]
    public void Record_FromMoreAddressesThanTracked_KeepsTheTableBoundedAndMakesRoomOnceTheyExpire()
    {
        var recent = Recent(maxTracked: 100);
        foreach (var i in Enumerable.Range(0, 10_000))
        {
            recent.Record(new IPAddress([198, 18, (byte)(i >> 8), (byte)i]), "crm");
        }

        var boundedCount = recent.Count;
        _clock.Advance(TimeSpan.FromHours(1));
        recent.Record(IPAddress.Parse("203.0.113.7"), "crm");

        Assert.Multiple(() =>
        {
            Assert.That(boundedCount, Is.EqualTo(100));
            Assert.That(recent.Count, Is.EqualTo(1));
            Assert.That(recent.Contains(IPAddress.Parse("203.0.113.7"), "crm"), Is.True);
        });
    }

    private RecentAuthentications Recent(int maxTracked) =>
        new(Options.Create(new FailedAuthenticationOptions { MaxTrackedAddresses = maxTracked }), _clock);
}
