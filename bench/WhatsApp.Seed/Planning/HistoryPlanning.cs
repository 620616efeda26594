namespace WhatsApp.Seed.Planning;

/// <summary>Plans a history on the thread pool: pure CPU, so it runs while the caller migrates the database.</summary>
internal static class HistoryPlanning
{
    public static Task<(ContactProfile[] Contacts, PlannedMessage[] Plan)> StartAsync(SeedOptions options, long untilUnixMs, CancellationToken ct) =>
        Task.Run(
            () =>
            {
                var planner = new HistoryPlanner(options, untilUnixMs);
                var plan = planner.Plan();
                return (planner.Contacts, plan);
            },
            ct);
}
