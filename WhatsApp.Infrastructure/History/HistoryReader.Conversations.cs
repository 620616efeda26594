using Microsoft.EntityFrameworkCore;
using WhatsApp.Domain.Contacts;
using WhatsApp.Domain.History;
using WhatsApp.Domain.Messages;
using WhatsApp.Infrastructure.Persistence;

namespace WhatsApp.Infrastructure.History;

/// <summary>The conversation list, its unread counts and the staff activity shown in threads and live updates.</summary>
internal sealed partial class HistoryReader
{
    private const int PreviewLength = 100;

    public async Task<IReadOnlyList<ConversationRow>> ConversationsAsync(
        ConversationFilter filter, ConversationCursor? cursor, int take, DateTimeOffset now, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var contacts = await ConversationQuery(db, filter, cursor, now).Take(take).ToListAsync(ct);
        var lastIds = contacts.Select(c => c.LastMessageId).OfType<Guid>().ToList();
        if (lastIds.Count == 0)
        {
            return [];
        }

        var lastMessages = await db.Messages.AsNoTracking()
            .Where(m => lastIds.Contains(m.Id))
            .Select(m => new { m.Id, m.Direction, m.Type, m.Status, m.Content.Text, m.CreatedAt })
            .ToDictionaryAsync(m => m.Id, ct);
        return contacts.Select(c =>
        {
            var last = c.LastMessageId is { } id && lastMessages.TryGetValue(id, out var m)
                ? new LastMessage(m.Id, m.Direction, m.Type, m.Status, Preview(m.Text), m.CreatedAt)
                : null;
            return new ConversationRow(
                c.Number, c.OurNumber, c.LastMessageAt, last, c.InboundCount, c.OutboundCount, c.FailedCount, c.LastInboundAt, c.State, c.AssignedTo, c.AwaitingReply);
        }).ToList();
    }

    public async Task<IReadOnlyList<ConversationActivity>> ActivityAsync(string contact, DateTimeOffset? from, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.ConversationActivities.AsNoTracking().Where(a => a.Contact == contact);
        if (from is { } start)
        {
            var lowest = UuidV7Bounds.AtOrAfter(start);
            query = query.Where(a => a.Id.CompareTo(lowest) >= 0);
        }

        return await query.OrderBy(a => a.Id).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<ConversationActivity>> ActivitySinceAsync(DateTimeOffset since, Guid? after, int limit, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var from = UuidV7Bounds.AtOrAfter(since);
        var activity = db.ConversationActivities.AsNoTracking().Where(a => a.Id.CompareTo(from) >= 0);
        if (after is { } id)
        {
            activity = activity.Where(a => a.Id.CompareTo(id) > 0);
        }

        return await activity.OrderBy(a => a.Id).Take(limit).ToListAsync(ct);
    }

    public async Task<IReadOnlyDictionary<string, int>> UnreadAsync(string user, IReadOnlyList<ConversationRow> conversations, CancellationToken ct)
    {
        var numbers = conversations.Select(c => c.Contact).ToList();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var reads = await db.ConversationReads.AsNoTracking().Where(r => r.User == user && numbers.Contains(r.Contact))
            .ToDictionaryAsync(r => r.Contact, r => r.ReadAt, ct);
        var unread = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var c in conversations)
        {
            if (!reads.TryGetValue(c.Contact, out var readAt))
            {
                unread[c.Contact] = c.InboundCount;
            }
            else if (c.LastInboundAt > readAt)
            {
                // Only a conversation with something new costs a count, over its own messages after the read.
                var after = UuidV7Bounds.AtOrAfter(readAt);
                unread[c.Contact] = await db.Messages.CountAsync(
                    m => m.Contact == c.Contact && m.Id.CompareTo(after) >= 0 && m.Direction == MessageDirection.Inbound && m.CreatedAt > readAt, ct);
            }
        }

        return unread;
    }

    internal static IQueryable<Contact> ConversationQuery(WhatsAppDbContext db, ConversationFilter filter, ConversationCursor? cursor, DateTimeOffset now)
    {
        var query = db.Contacts.AsNoTracking().Where(c => c.LastMessageId != null);
        var windowStart = now - CustomerServiceWindow.Length;
        if (filter.WindowOpen == true)
        {
            query = query.Where(c => c.LastInboundAt > windowStart);
        }
        else if (filter.WindowOpen == false)
        {
            query = query.Where(c => c.LastInboundAt == null || c.LastInboundAt <= windowStart);
        }

        if (filter.HasFailed)
        {
            query = query.Where(c => c.FailedCount > 0);
        }

        if (filter.State is { } state)
        {
            query = query.Where(c => c.State == state);
        }

        if (filter.AwaitingReply)
        {
            query = query.Where(c => c.AwaitingReply);
        }

        if (filter.AssignedTo is { } agent)
        {
            query = query.Where(c => c.AssignedTo == agent);
        }
        else if (filter.Unassigned)
        {
            query = query.Where(c => c.AssignedTo == null);
        }

        if (filter.NumberPrefix is { } prefix)
        {
            query = query.Where(c => c.Number.StartsWith(prefix));
        }

        if (cursor is not null)
        {
            var (at, contact) = (cursor.LastMessageAt, cursor.Contact);
            query = query.Where(c => c.LastMessageAt < at || (c.LastMessageAt == at && c.Number.CompareTo(contact) < 0));
        }

        return query.OrderByDescending(c => c.LastMessageAt).ThenByDescending(c => c.Number);
    }

    /// <summary>The first 100 characters, without splitting an emoji's surrogate pair.</summary>
    private static string? Preview(string? body)
    {
        if (body is null || body.Length <= PreviewLength)
        {
            return body;
        }

        var length = char.IsHighSurrogate(body[PreviewLength - 1]) ? PreviewLength - 1 : PreviewLength;
        return body[..length];
    }
}
