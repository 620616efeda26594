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

    [Test]
    public void ThrottledFor_IsSetOnceTheAddressHasUsedItsAllowanceUntilTheWindowEnds()
    {
        var tracker = Tracker(maxTracked: 100);
        var address = IPAddress.Parse("198.51.100.9");

        var after19 = Fail(tracker, address, 19);
        var after20 = Fail(tracker, address, 1);
        _clock.Advance(TimeSpan.FromSeconds(45));
        var later = tracker.ThrottledFor(address);
        var otherAddress = tracker.ThrottledFor(IPAddress.Parse("198.51.100.10"));
        _clock.Advance(TimeSpan.FromSeconds(15));
        var afterTheWindow = tracker.ThrottledFor(address);

        Assert.Multiple(() =>
        {
            Assert.That(after19, Is.Null);
            Assert.That(after20, Is.EqualTo(TimeSpan.FromMinutes(1)));
            Assert.That(later, Is.EqualTo(TimeSpan.FromSeconds(15)));
            Assert.That(otherAddress, Is.Null);
            Assert.That(afterTheWindow, Is.Null);
        });
    }

    [Test]
    public void ThrottledFor_AnAddressInTheSharedOverflow_IsNull()
    {
        var tracker = Tracker(maxTracked: 1);
        tracker.RecordFailure(IPAddress.Parse("198.51.100.9"));
        var untracked = IPAddress.Parse("203.0.113.7");

        Fail(tracker, untracked, 25);
        var overflowThrottled = tracker.RecordFailure(untracked).Throttled;

        Assert.Multiple(() =>
        {
            Assert.That(overflowThrottled, Is.True, "its invalid keys share the overflow allowance");
            Assert.That(tracker.ThrottledFor(untracked), Is.Null, "strangers' failures must not refuse its valid keys");
        });
    }

    private static TimeSpan? Fail(FailedAuthenticationTracker tracker, IPAddress address, int times)
    {
        for (var i = 0; i < times; i++)
        {
            tracker.RecordFailure(address);
        }

        return tracker.ThrottledFor(address);
    }

    private FailedAuthenticationTracker Tracker(int maxTracked) =>
        new(Options.Create(new FailedAuthenticationOptions { MaxTrackedAddresses = maxTracked }), _clock);

    private static IPAddress Address(int i) => new([198, 18, (byte)(i >> 8), (byte)i]);
}
