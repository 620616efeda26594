using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using WhatsApp.Domain.Events;
using WhatsApp.Domain.Ports;

namespace WhatsApp.Api.Features.Inbox;

/// <summary>
/// The inbox's live updates: the event log (written by every instance in the same transaction as each change), polled
/// and streamed as Server-Sent Events. Each event's id is the log's, so a browser that reconnects sends the last one
/// (<c>Last-Event-ID</c>) and gets what it missed.
/// </summary>
public sealed class InboxUpdates(IEventQueries events, TimeProvider time)
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
            IReadOnlyList<MessageEvent> page = [];
            do
            {
                page = await events.EventsSinceAsync(from, page.Count > 0 ? page[^1].Id : null, PageSize, ct);
                foreach (var update in Unsent(page, sent, ref since))
                {
                    yield return update;
                }
            }
            while (page.Count == PageSize);

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

    private static List<SseItem<InboxUpdate>> Unsent(IReadOnlyList<MessageEvent> page, Dictionary<Guid, DateTimeOffset> sent, ref DateTimeOffset since)
    {
        var updates = new List<SseItem<InboxUpdate>>();
        foreach (var e in page.Where(e => !sent.ContainsKey(e.Id)))
        {
            sent[e.Id] = e.CreatedAt;
            if (e.CreatedAt > since)
            {
                since = e.CreatedAt;
            }

            if (e.Contact is { } contact)
            {
                updates.Add(new SseItem<InboxUpdate>(new InboxUpdate(e.Type, contact, e.MessageId), "update") { EventId = e.Id.ToString() });
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

/// <summary>What changed: the event type, the customer's number and the message.</summary>
public sealed record InboxUpdate(string Type, string Contact, Guid? MessageId);
