using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WhatsApp.Infrastructure.Persistence.Configurations;

namespace WhatsApp.Infrastructure.Persistence;

/// <summary>
/// The raw SQL of erasure (<see cref="Writes.WriteContext"/>), once per provider, built from the column classifications
/// (<see cref="MessageColumns"/>, <see cref="WebhookReceiptColumns"/>), so a column classified as content is erased
/// without another edit: which rows still hold content, and one UPDATE per table that erases it. Keeping an inbound
/// message's content type and context id while erasing the rest of its JSON needs each database's own JSON functions.
/// The statements go through EF's raw SQL formatting, hence <c>{{}}</c> for an empty JSON object and <c>{0}</c> for
/// the one parameter.
/// </summary>
internal sealed class ErasureSql
{
    // '{}', written for EF's formatting (see above).
    private const string EmptyObject = "'{{}}'";

    private readonly bool _postgres;
    private readonly string _idsIn;
    private readonly string _eraseMessages;
    private readonly string _eraseReceipts;
    private readonly string _eraseActivities;

    private ErasureSql(bool postgres)
    {
        _postgres = postgres;
        _idsIn = postgres ? "\"Id\" = ANY({0})" : "\"Id\" IN (SELECT value FROM json_each({0}))";
        MessagesWithContent = WithContent(MessageColumns.Erasure);
        ReceiptsWithContent = WithContent(WebhookReceiptColumns.Erasure);
        _eraseMessages = Erase(MessageColumns.Erasure);
        _eraseReceipts = Erase(WebhookReceiptColumns.Erasure);
        _eraseActivities = Erase(ConversationActivityColumns.Erasure);
    }

    public static ErasureSql Sqlite { get; } = new(postgres: false);

    public static ErasureSql Postgres { get; } = new(postgres: true);

    /// <summary>Messages with anything left to erase.</summary>
    public string MessagesWithContent { get; }

    /// <summary>Webhook receipts with anything left to erase.</summary>
    public string ReceiptsWithContent { get; }

    /// <summary>Erases the content of one contact's messages; <c>{0}</c> is the contact.</summary>
    public string EraseMessagesOfContact => _eraseMessages + "\"Contact\" = {0}";

    /// <summary>Erases the content of the messages with the ids in <c>{0}</c> (<see cref="IdList"/>).</summary>
    public string EraseMessagesOfIds => _eraseMessages + _idsIn;

    /// <summary>Erases the content of one contact's webhook receipts; <c>{0}</c> is the contact.</summary>
    public string EraseReceiptsOfContact => _eraseReceipts + "\"Contact\" = {0}";

    /// <summary>Erases the content of the webhook receipts with the ids in <c>{0}</c> (<see cref="IdList"/>).</summary>
    public string EraseReceiptsOfIds => _eraseReceipts + _idsIn;

    /// <summary>Erases what staff wrote about one contact (notes); <c>{0}</c> is the contact.</summary>
    public string EraseActivitiesOfContact => _eraseActivities + "\"Contact\" = {0}";

    public static ErasureSql For(DbContext db) => db.Database.IsNpgsql() ? Postgres : Sqlite;

    /// <summary>The parameter of the statements by id: a uuid array on PostgreSQL, a JSON array on SQLite.</summary>
    public object IdList(IReadOnlyCollection<Guid> ids) => _postgres
        ? ids.ToArray()
        // EF stores a Guid on SQLite as upper-case text; raw SQL has to match that spelling.
        : JsonSerializer.Serialize(ids.Select(id => id.ToString().ToUpperInvariant()));

    private string WithContent(ColumnErasure table) =>
        $"SELECT * FROM \"{table.Table}\" WHERE " + string.Join(" OR ", table.Erased.Select(c => HasContent($"\"{c.Column}\"", c.As)));

    // Each column is set to its erased value whatever it holds: erasing twice changes nothing.
    private string Erase(ColumnErasure table) =>
        $"UPDATE \"{table.Table}\" SET " + string.Join(", ", table.Erased.Select(c => $"\"{c.Column}\" = {Erased($"\"{c.Column}\"", c.As)}")) + " WHERE ";

    private string HasContent(string column, ErasedAs how) => how switch
    {
        ErasedAs.Null => $"{column} IS NOT NULL",
        ErasedAs.EmptyList => $"{column} <> '[]'",
        ErasedAs.UrlWithoutQuery => _postgres ? $"strpos({column}, '?') > 0" : $"instr({column}, '?') > 0",
        // Inbound details that still hold something the customer sent: raw fields, media links, mime type or button.
        ErasedAs.InboundWithoutContent => _postgres
            ? $"""
              ({column} IS NOT NULL AND (({column}::jsonb -> 'raw_fields') <> {EmptyObject}::jsonb
                  OR jsonb_path_exists({column}::jsonb, '$.media_urls[*]') OR ({column}::jsonb ->> 'mime_type') IS NOT NULL
                  OR ({column}::jsonb ->> 'button_payload') IS NOT NULL OR ({column}::jsonb ->> 'button_text') IS NOT NULL))
              """
            : $"""
              ({column} IS NOT NULL AND (json_extract({column}, '$.raw_fields') <> {EmptyObject}
                  OR json_array_length({column}, '$.media_urls') > 0 OR json_extract({column}, '$.mime_type') IS NOT NULL
                  OR json_extract({column}, '$.button_payload') IS NOT NULL OR json_extract({column}, '$.button_text') IS NOT NULL))
              """,
        _ => throw new ArgumentOutOfRangeException(nameof(how), how, null),
    };

    private string Erased(string column, ErasedAs how) => how switch
    {
        ErasedAs.Null => "NULL",
        ErasedAs.EmptyList => "'[]'",
        ErasedAs.UrlWithoutQuery => _postgres
            ? $"split_part({column}, '?', 1)"
            : $"CASE WHEN instr({column}, '?') > 0 THEN substr({column}, 1, instr({column}, '?') - 1) ELSE {column} END",
        // Keeps content_type and context_message_id; empties the lists and maps, so the JSON still reads as InboundDetails.
        ErasedAs.InboundWithoutContent => $"CASE WHEN {HasContent(column, how)} THEN " + (_postgres
            ? $"""
              (({column}::jsonb - 'mime_type' - 'button_payload' - 'button_text')
                  || jsonb_build_object('media_urls', '[]'::jsonb, 'raw_fields', {EmptyObject}::jsonb))::text
              """
            : $"""
              json_set(json_remove({column}, '$.mime_type', '$.button_payload', '$.button_text'),
                  '$.media_urls', json('[]'), '$.raw_fields', json({EmptyObject}))
              """) + $" ELSE {column} END",
        _ => throw new ArgumentOutOfRangeException(nameof(how), how, null),
    };
}
