namespace WhatsApp.Seed;

/// <summary>What <see cref="HistorySeeder"/> generates. The same options and seed always produce the same rows.</summary>
public sealed record SeedOptions
{
    /// <summary>Messages to insert, both directions. At least <see cref="Contacts"/>: every contact has one.</summary>
    public int Messages { get; init; } = 1_000_000;

    /// <summary>Distinct customer numbers; activity per contact is Zipf-like (a few busy, most with a handful).</summary>
    public int Contacts { get; init; } = 50_000;

    /// <summary>Our WhatsApp numbers, +14155550100 upwards.</summary>
    public int Senders { get; init; } = 2;

    /// <summary>History spans this many days before <see cref="Until"/>.</summary>
    public int Days { get; init; } = 90;

    public int Seed { get; init; } = 42;

    /// <summary>End of the history (the newest message is at most a few milliseconds later); null means now.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>Rows per transaction during the load.</summary>
    public int BatchSize { get; init; } = 50_000;

    /// <summary>One in this many sent outbound messages gets its status reports stored (sent, delivered, read…).</summary>
    public int StatusHistoryEvery { get; init; } = 10;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Contacts, 1, nameof(Contacts));
        ArgumentOutOfRangeException.ThrowIfLessThan(Messages, Contacts, nameof(Messages));
        ArgumentOutOfRangeException.ThrowIfLessThan(Senders, 1, nameof(Senders));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Senders, 100, nameof(Senders));
        ArgumentOutOfRangeException.ThrowIfLessThan(Days, 1, nameof(Days));
        ArgumentOutOfRangeException.ThrowIfLessThan(BatchSize, 1, nameof(BatchSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(StatusHistoryEvery, 1, nameof(StatusHistoryEvery));
    }
}
