using WhatsApp.Domain.Services;

namespace WhatsApp.Tests.Unit.Domain;

public sealed class DispatchPolicyTests
{
    private static readonly DispatchPolicy Policy = new()
    {
        BaseDelay = TimeSpan.FromSeconds(2),
        MaxDelay = TimeSpan.FromSeconds(60),
    };

    [Test]
    public void NextDelay_FirstAttemptFullRandom_EqualsBaseDelay()
    {
        Assert.That(Policy.NextDelay(1, null, 1.0), Is.EqualTo(TimeSpan.FromSeconds(2)));
    }

    [Test]
    public void NextDelay_ThirdAttemptFullRandom_IsFourTimesBaseDelay()
    {
        Assert.That(Policy.NextDelay(3, null, 1.0), Is.EqualTo(TimeSpan.FromSeconds(8)));
    }

    [TestCase(0.0)]
    [TestCase(0.25)]
    [TestCase(0.5)]
    [TestCase(0.999)]
    public void NextDelay_AnyRandom_StaysBetweenHalfAndFullBackoff(double random)
    {
        var delay = Policy.NextDelay(3, null, random);

        Assert.That(delay, Is.InRange(TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8)));
    }

    [Test]
    public void NextDelay_ZeroRandom_IsHalfTheBackoff()
    {
        Assert.That(Policy.NextDelay(3, null, 0.0), Is.EqualTo(TimeSpan.FromSeconds(4)));
    }

    [TestCase(10)]
    [TestCase(50)]
    public void NextDelay_ManyAttempts_CappedAtMaxDelay(int attempts)
    {
        Assert.That(Policy.NextDelay(attempts, null, 1.0), Is.EqualTo(TimeSpan.FromSeconds(60)));
    }

    [Test]
    public void NextDelay_RetryAfterLargerThanBackoff_RetryAfterWins()
    {
        Assert.That(Policy.NextDelay(1, TimeSpan.FromSeconds(30), 1.0), Is.EqualTo(TimeSpan.FromSeconds(30)));
    }

    [Test]
    public void NextDelay_RetryAfterSmallerThanBackoff_BackoffWins()
    {
        Assert.That(Policy.NextDelay(3, TimeSpan.FromSeconds(1), 1.0), Is.EqualTo(TimeSpan.FromSeconds(8)));
    }
}
