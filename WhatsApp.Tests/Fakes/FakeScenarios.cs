namespace WhatsApp.Tests.Fakes;

/// <summary>Ready-made behaviours for <see cref="FakePlivoServer.Behaviour"/>, e.g. for fault-injection runs.</summary>
public static class FakeScenarios
{
    /// <summary>
    /// Picks a fault for a fixed share of requests and accepts the rest. Deterministic per (seed, request index) and
    /// thread-safe, so a 2,000-message run injects the same faults every time.
    /// </summary>
    /// <example><c>FakeScenarios.WithFaults(42, (0.05, FakeResponse.Error(503, "busy")), (0.01, FakeResponse.Hang(TimeSpan.FromSeconds(30))))</c></example>
    public static Func<int, FakeResponse> WithFaults(int seed, params (double Rate, FakeResponse Response)[] faults)
    {
        ArgumentNullException.ThrowIfNull(faults);
        var accept = FakeResponse.Accept();
        return index =>
        {
            var roll = UnitInterval(seed, index);
            foreach (var (rate, response) in faults)
            {
                if (roll < rate)
                {
                    return response;
                }

                roll -= rate;
            }

            return accept;
        };
    }

    // SplitMix64 of (seed, index): a stateless, well-mixed value in [0, 1).
    private static double UnitInterval(int seed, int index)
    {
        var z = ((ulong)(uint)seed << 32 | (uint)index) + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (z >> 11) * (1.0 / (1UL << 53));
    }
}
