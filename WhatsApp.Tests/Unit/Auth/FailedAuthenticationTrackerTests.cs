using System.Net;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using WhatsApp.Api.Auth;

namespace WhatsApp.Tests.Unit.Auth;

/// <summary>The invalid-key tracker stays small under a flood of distinct addresses and cannot be reset by one.</summary>
[TestFixture]
public sealed class FailedAuthenticationTrackerTests
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    [Test]
    public void RecordFailure_FromMoreAddressesThanTracked_KeepsTheTableBoundedAndThrottlesTheOverflow()
    {
        var tracker = Tracker(maxTracked: 100);

        var outcomes = Enumerable.Range(0, 10_000).Select(i => tracker.RecordFailure(Address(i))).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(tracker.TrackedAddresses, Is.EqualTo(100));
            Assert.That(outcomes.Take(100).Select(o => o.Throttled), Is.All.False, "each tracked address has its own allowance");
            Assert.That(outcomes.Skip(100).Count(o => !o.Throttled), Is.EqualTo(20), "the rest share one allowance");
        });
    }

    [Test]
    public void RecordFailure_OnceTheWindowsExpire_MakesRoomForNewAddresses()
    {
        var tracker = Tracker(maxTracked: 100);
        foreach (var i in Enumerable.Range(0, 100))
        {
            tracker.RecordFailure(Address(i));
        }

        _clock.Advance(TimeSpan.FromMinutes(1));
        var fresh = tracker.RecordFailure(Address(5_000));

        Assert.Multiple(() =>
        {
            Assert.That(fresh.Throttled, Is.False);
            Assert.That(tracker.TrackedAddresses, Is.EqualTo(1));
        });
    }

    [Test]
    public void RecordFailure_FromOneIpv6Slash64_CountsAsOneAddress()
    {
        var tracker = Tracker(maxTracked: 100);

        var outcomes = Enumerable.Range(1, 21).Select(i => tracker.RecordFailure(IPAddress.Parse($"2001:db8:1:2::{i:x}"))).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(outcomes[19].Throttled, Is.False);
            Assert.That(outcomes[20].Throttled, Is.True);
            Assert.That(outcomes[20].JustThrottled, Is.True);
            Assert.That(tracker.TrackedAddresses, Is.EqualTo(1));
        });
    }

    private FailedAuthenticationTracker Tracker(int maxTracked) =>
        new(Options.Create(new FailedAuthenticationOptions { MaxTrackedAddresses = maxTracked }), _clock);

    private static IPAddress Address(int i) => new([198, 18, (byte)(i >> 8), (byte)i]);
}
