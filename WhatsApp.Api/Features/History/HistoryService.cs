using WhatsApp.Api.Paging;
using WhatsApp.Domain.History;
using WhatsApp.Domain.Ports;

namespace WhatsApp.Api.Features.History;

/// <summary>Turns validated history queries into keyset pages: asks for one row more than the page to know if another follows.</summary>
public sealed class HistoryService(IHistoryReader reader, TimeProvider time)
{
    public async Task<PageResponse<MessageListItem>> SearchAsync(MessageSearchQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var limit = query.Limit ?? QueryValues.DefaultLimit;
        CursorCodec.TryDecode(query.Cursor, out MessageCursor? cursor);
        var rows = await reader.SearchAsync(query.ToFilter(), cursor is null ? null : cursor with { Newer = false }, limit + 1, ct);
        var page = rows.Take(limit).ToList();
        var next = rows.Count > limit ? CursorCodec.Encode(new MessageCursor(page[^1].Id)) : null;
        return new PageResponse<MessageListItem>(page.Select(m => m.ToListItem()).ToList(), next);
    }

    public async Task<TimelineResponse> TimelineAsync(string contact, TimelineQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var limit = query.Limit ?? QueryValues.DefaultLimit;
        CursorCodec.TryDecode(query.Before, out MessageCursor? before);
        CursorCodec.TryDecode(query.After, out MessageCursor? after);
        var cursor = after is not null ? after with { Newer = true } : before is not null ? before with { Newer = false } : null;
        var rows = await reader.SearchAsync(new MessageFilter { Contact = contact }, cursor, limit + 1, ct);
        var more = rows.Count > limit;

        // Walking newer, the extra row is the newest one; walking older, the oldest.
        var page = cursor is { Newer: true } && more ? rows.Skip(1).ToList() : rows.Take(limit).ToList();
        var hasOlder = cursor is { Newer: true } || more;
        return new TimelineResponse(
            page.Select(m => m.ToListItem()).ToList(),
            page.Count > 0 && hasOlder ? CursorCodec.Encode(new MessageCursor(page[^1].Id)) : null,
            page.Count > 0 ? CursorCodec.Encode(new MessageCursor(page[0].Id, Newer: true)) : query.After ?? null);
    }

    public async Task<PageResponse<ConversationSummaryResponse>> ConversationsAsync(ConversationListQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var limit = query.Limit ?? QueryValues.DefaultLimit;
        CursorCodec.TryDecode(query.Cursor, out ConversationCursor? cursor);
        var now = time.GetUtcNow();
        var rows = await reader.ConversationsAsync(query.ToFilter(), cursor, limit + 1, now, ct);
        var page = rows.Take(limit).ToList();
        var next = rows.Count > limit ? CursorCodec.Encode(new ConversationCursor(page[^1].LastMessageAt, page[^1].Contact)) : null;
        return new PageResponse<ConversationSummaryResponse>(page.Select(r => r.ToResponse(now)).ToList(), next);
    }

    /// <summary>Writes every matching message as CSV, row by row, so memory stays flat however many there are.</summary>
    public async Task ExportAsync(MessageSearchQuery query, TextWriter writer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        await CsvWriter.WriteRowAsync(writer, MessageCsvColumns.Exported.Select(c => c.Header));
        var rows = 0;
        await foreach (var m in reader.ExportAsync(query.ToFilter(), ct))
        {
            var item = m.ToListItem();
            await CsvWriter.WriteRowAsync(writer, MessageCsvColumns.Exported.Select(c => c.Value(item)));
            if (++rows % 500 == 0)
            {
                await writer.FlushAsync(ct);
            }
        }

        await writer.FlushAsync(ct);
    }
}
