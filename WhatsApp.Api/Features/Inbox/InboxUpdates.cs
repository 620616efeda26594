using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using WhatsApp.Domain.Ports;

namespace WhatsApp.Api.Features.Inbox;

/// <summary>
/// The inbox's live updates: the event log and staff's conversation activity (each written by every instance in the
/// same transaction as its change), polled and streamed as Server-Sent Events. Each update's id is its row's (a UUID
/// v7), so a browser that reconnects sends the last one (<c>Last-Event-ID</c>) and gets what it missed.
/// </summary>
public sealed class InboxUpdates(IEventQueries events, IHistoryReader history, TimeProvider time)
{
    private const int PageSize = 500;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    // An event's id is taken when the change is made and it becomes visible at its commit, a little later, so an
    // event can appear behind one already sent; each poll looks back this far and skips what it has sent.
    private static readonly TimeSpan LookBack = TimeSpan.FromSeconds(5);

    public async IAsyncEnumerable<SseItem<InboxUpdate>> ReadAsync(string? lastEventId, [EnumeratorCancellation] CancellationToken ct)
    {
        var since = TimeOf(lastEventId) ?? time.GetUtcNow();
        var sent = new Dictionary<Guid, DateTimeOffset>();
        if (Guid.TryParse(lastEventId, out var last))
        {
            sent[last] = since;
        }

        using var timer = new PeriodicTimer(PollInterval, time);
        while (true)
        {
            var from = since - LookBack;
            var changes = new List<Change>();
            await ReadAllAsync(changes, (after, token) => events.EventsSinceAsync(from, after, PageSize, token), e => e.Id,
                e => new Change(e.Id, e.CreatedAt, e.Type, e.Contact, e.MessageId), ct);
            await ReadAllAsync(changes, (after, token) => history.ActivitySinceAsync(from, after, PageSize, token), a => a.Id,
                a => new Change(a.Id, a.CreatedAt, "conversation." + a.Kind.ToString().ToLowerInvariant(), a.Contact, null), ct);
            foreach (var update in Unsent(changes, sent, ref since))
            {
                yield return update;
            }

            // Forget what is older than any later poll can see again.
            foreach (var old in sent.Where(s => s.Value < since - LookBack).Select(s => s.Key).ToList())
            {
                sent.Remove(old);
            }

            if (!await timer.WaitForNextTickAsync(ct))
            {
                yield break;
            }
        }
    }

    private static async Task ReadAllAsync<T>(
        List<Change> changes, Func<Guid?, CancellationToken, Task<IReadOnlyList<T>>> read, Func<T, Guid> id, Func<T, Change> change, CancellationToken ct)
    {
        IReadOnlyList<T> page = [];
        do
        {
            page = await read(page.Count > 0 ? id(page[^1]) : null, ct);
            changes.AddRange(page.Select(change));
        }
        while (page.Count == PageSize);
    }

    private static List<SseItem<InboxUpdate>> Unsent(List<Change> changes, Dictionary<Guid, DateTimeOffset> sent, ref DateTimeOffset since)
    {
        var updates = new List<SseItem<InboxUpdate>>();
        foreach (var c in changes.Where(c => !sent.ContainsKey(c.Id)).OrderBy(c => c.At))
        {
            sent[c.Id] = c.At;
            if (c.At > since)
            {
                since = c.At;
            }

            if (c.Contact is { } contact)
            {
                updates.Add(new SseItem<InboxUpdate>(new InboxUpdate(c.Type, contact, c.MessageId), "update") { EventId = c.Id.ToString() });
            }
        }

        return updates;
    }

    // A UUID v7 starts with its Unix time in milliseconds (48 bits).
    private static DateTimeOffset? TimeOf(string? eventId) =>
        Guid.TryParse(eventId, out var id) && id.Version == 7
            ? DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(id.ToString("N")[..12], NumberStyles.HexNumber, CultureInfo.InvariantCulture))
            : null;
}

/// <summary>A row of either source, as the stream needs it.</summary>
internal sealed record Change(Guid Id, DateTimeOffset At, string Type, string? Contact, Guid? MessageId);

/// <summary>What changed: the event type (or <c>conversation.resolved</c>, <c>.assigned</c>, <c>.note</c>, …), the customer's number and the message.</summary>
public sealed record InboxUpdate(string Type, string Contact, Guid? MessageId);
