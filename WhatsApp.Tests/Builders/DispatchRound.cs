using WhatsApp.Domain.Services;

namespace WhatsApp.Tests.Builders;

/// <summary>One round of the dispatch worker, for tests that drive the dispatcher by hand: claim what is due, send each.</summary>
internal static class DispatchRound
{
    public static async Task<int> RunAsync(MessageDispatcher dispatcher, int batchSize = 50)
    {
        var claimed = await dispatcher.ClaimDueAsync(batchSize, CancellationToken.None);
        foreach (var message in claimed)
        {
            await dispatcher.DispatchOneAsync(message, CancellationToken.None);
        }

        return claimed.Count;
    }
}
