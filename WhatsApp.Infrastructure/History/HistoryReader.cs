using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using WhatsApp.Domain.History;
using WhatsApp.Domain.Messages;
using WhatsApp.Domain.Ports;
using WhatsApp.Infrastructure.Persistence;
using WhatsApp.Infrastructure.Persistence.Configurations;

namespace WhatsApp.Infrastructure.History;

/// <summary>
/// History queries. Every list is ordered by an indexed key and paged by keyset (never OFFSET), so the cost of a
/// page does not grow with the table or with the page number.
/// </summary>
internal sealed partial class HistoryReader(IDbContextFactory<WhatsAppDbContext> contexts) : IHistoryReader
{
    private const int ExportPage = 500;

    public async Task<IReadOnlyList<Message>> SearchAsync(MessageFilter filter, MessageCursor? cursor, int take, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var candidates = await CandidatesAsync(db, filter, ct);
        return candidates is { Count: 0 } ? [] : await SearchPageAsync(db, filter, candidates, cursor, take, ct);
    }

    public async IAsyncEnumerable<Message> ExportAsync(MessageFilter filter, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var candidates = await CandidatesAsync(db, filter, ct);
        if (candidates is { Count: 0 })
        {
            yield break;
        }

        // No index gives several statuses in id order, and PostgreSQL sorts a UNION ALL of per-status walks instead of
        // merging it; so that export goes by the search's pages (one ordered walk per status, merged), reading up to
        // one page per status for each page it writes, rather than sorting every matching row before the first.
        if (filter.Statuses.Count > 1)
        {
            for (MessageCursor? cursor = null; ;)
            {
                var page = await SearchPageAsync(db, filter, candidates, cursor, ExportPage, ct);
                foreach (var message in page)
                {
                    yield return message;
                }

                if (page.Count < ExportPage)
                {
                    yield break;
                }

                cursor = new MessageCursor(page[^1].Id);
            }
        }

        await foreach (var message in Query(db, filter, candidates).OrderByDescending(m => m.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return message;
        }
    }

    private static async Task<IReadOnlyList<Message>> SearchPageAsync(
        WhatsAppDbContext db, MessageFilter filter, IReadOnlyList<Guid>? candidates, MessageCursor? cursor, int take, CancellationToken ct)
    {
        // An IN over several statuses cannot walk one index in order; one ordered walk per status, merged, can.
        var statusGroups = filter.Statuses.Count > 1 ? filter.Statuses.Select(s => (IReadOnlyList<MessageStatus>)[s]) : [filter.Statuses];
        var results = new List<Message>();
        foreach (var statuses in statusGroups)
        {
            results.AddRange(await Page(Query(db, filter with { Statuses = statuses }, candidates), cursor, take).ToListAsync(ct));
        }

        var ordered = results.OrderByDescending(m => m.Id);
        return cursor is { Newer: true }
            ? ordered.TakeLast(take).ToList()
            : ordered.Take(take).ToList();
    }

    /// <summary>With <paramref name="candidates"/> (from <see cref="TextIndex"/>), only those messages are read.</summary>
    internal static IQueryable<Message> Query(WhatsAppDbContext db, MessageFilter filter, IReadOnlyList<Guid>? candidates = null)
    {
        var query = db.Messages.AsNoTracking();
        if (filter.Contact is { } contact)
        {
            query = query.Where(m => m.Contact == contact);
        }

        if (filter.From is { } from)
        {
            query = query.Where(m => m.From == from);
        }

        if (filter.Direction is { } direction)
        {
            query = query.Where(m => m.Direction == direction);
        }

        if (filter.Type is { } type)
        {
            query = query.Where(m => m.Type == type);
        }

        if (filter.Statuses.Count == 1)
        {
            var status = filter.Statuses[0];
            query = query.Where(m => m.Status == status);
        }
        else if (filter.Statuses.Count > 1)
        {
            var statuses = filter.Statuses;
            query = query.Where(m => statuses.Contains(m.Status));
        }

        if (filter.ErrorCode is { } errorCode)
        {
            query = query.Where(m => m.ErrorCode == errorCode);
        }

        if (filter.TemplateName is { } templateName)
        {
            query = query.Where(m => m.TemplateName == templateName);
        }

        if (filter.CreatedFrom is { } createdFrom)
        {
            var lowest = UuidV7Bounds.AtOrAfter(createdFrom);
            query = query.Where(m => m.Id.CompareTo(lowest) >= 0 && m.CreatedAt >= createdFrom);
        }

        if (filter.CreatedTo is { } createdTo)
        {
            var above = UuidV7Bounds.After(createdTo);
            query = query.Where(m => m.Id.CompareTo(above) < 0 && m.CreatedAt < createdTo);
        }

        if (filter.Text is { } text)
        {
            var needle = WhatsAppDbContext.SearchTextOf(text)!;
            query = query.Where(m => EF.Property<string?>(m, MessageConfiguration.SearchText)!.Contains(needle));
            if (candidates is not null)
            {
                query = query.Where(m => candidates.Contains(m.Id));
            }
        }

        return query;
    }

    private static Task<IReadOnlyList<Guid>?> CandidatesAsync(WhatsAppDbContext db, MessageFilter filter, CancellationToken ct) =>
        filter.Text is { } text ? TextIndex.CandidatesAsync(db, WhatsAppDbContext.SearchTextOf(text)!, ct) : Task.FromResult<IReadOnlyList<Guid>?>(null);

    internal static IQueryable<Message> Page(IQueryable<Message> query, MessageCursor? cursor, int take)
    {
        if (cursor is { Newer: true })
        {
            var id = cursor.Id;
            return query.Where(m => m.Id.CompareTo(id) > 0).OrderBy(m => m.Id).Take(take);
        }

        if (cursor is not null)
        {
            var id = cursor.Id;
            query = query.Where(m => m.Id.CompareTo(id) < 0);
        }

        return query.OrderByDescending(m => m.Id).Take(take);
    }
}
