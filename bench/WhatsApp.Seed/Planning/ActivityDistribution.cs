namespace WhatsApp.Seed.Planning;

/// <summary>
/// How many messages each contact has: one each, and the rest shared Zipf-like (weight 1/(rank+2)), so a handful
/// of contacts hold thousands of messages and most hold a few. Ranks are shuffled across contacts.
/// </summary>
internal static class ActivityDistribution
{
    private const double RankOffset = 2;

    public static int[] MessagesPerContact(int messages, int contacts, Random random)
    {
        var counts = new int[contacts];
        var extra = messages - contacts;
        var totalWeight = 0d;
        for (var rank = 1; rank <= contacts; rank++)
        {
            totalWeight += Weight(rank);
        }

        var ranked = new int[contacts];
        var assigned = 0L;
        for (var rank = 1; rank <= contacts; rank++)
        {
            ranked[rank - 1] = 1 + (int)(extra * Weight(rank) / totalWeight);
            assigned += ranked[rank - 1];
        }

        // Rounding down leaves a remainder; the busiest contacts absorb it, one message each, round-robin.
        for (var i = 0; assigned < messages; i = (i + 1) % contacts, assigned++)
        {
            ranked[i]++;
        }

        var contactOfRank = Enumerable.Range(0, contacts).ToArray();
        random.Shuffle(contactOfRank);
        for (var rank = 0; rank < contacts; rank++)
        {
            counts[contactOfRank[rank]] = ranked[rank];
        }

        return counts;
    }

    private static double Weight(int rank) => 1 / (rank + RankOffset);
}
