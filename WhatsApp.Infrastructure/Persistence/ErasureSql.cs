using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace WhatsApp.Infrastructure.Persistence;

/// <summary>
/// The raw SQL of <see cref="ContentEraser"/>, once per provider: keeping an inbound message's content type and
/// context id while erasing the rest of its JSON needs each database's own JSON functions. The statements go through
/// EF's raw SQL formatting, hence <c>{{}}</c> for an empty JSON object and <c>{0}</c> for the one parameter.
/// </summary>
internal sealed record ErasureSql(string MessagesWithContent, string EraseInbound, string ReceiptsWithContent, string IdsIn)
{
    private const string AnyContent = """
        SELECT * FROM "Messages"
        WHERE "Body" IS NOT NULL OR "MediaUrl" IS NOT NULL OR "Template" IS NOT NULL OR "Interactive" IS NOT NULL
            OR "Location" IS NOT NULL OR "SearchText" IS NOT NULL OR
        """;

    // Inbound details that still hold something the customer sent: raw fields, media links, mime type or button.
    private const string SqliteInboundHasContent = """
        ("Inbound" IS NOT NULL AND (json_extract("Inbound", '$.raw_fields') <> '{{}}'
            OR json_array_length("Inbound", '$.media_urls') > 0 OR json_extract("Inbound", '$.mime_type') IS NOT NULL
            OR json_extract("Inbound", '$.button_payload') IS NOT NULL OR json_extract("Inbound", '$.button_text') IS NOT NULL))
        """;

    private const string PostgresInboundHasContent = """
        ("Inbound" IS NOT NULL AND (("Inbound"::jsonb -> 'raw_fields') <> '{{}}'::jsonb
            OR jsonb_path_exists("Inbound"::jsonb, '$.media_urls[*]') OR ("Inbound"::jsonb ->> 'mime_type') IS NOT NULL
            OR ("Inbound"::jsonb ->> 'button_payload') IS NOT NULL OR ("Inbound"::jsonb ->> 'button_text') IS NOT NULL))
        """;

    public static ErasureSql Sqlite { get; } = new(
        AnyContent + " " + SqliteInboundHasContent,
        // Keeps content_type and context_message_id; empties the lists and maps, so the JSON still reads as InboundDetails.
        """
        UPDATE "Messages" SET "Inbound" = json_set(
            json_remove("Inbound", '$.mime_type', '$.button_payload', '$.button_text'),
            '$.media_urls', json('[]'), '$.raw_fields', json('{{}}'))
        WHERE
        """ + " " + SqliteInboundHasContent + " AND ",
        // Raw fields hold the message text; so does the query string of a webhook that came as a GET.
        """SELECT * FROM "WebhookReceipts" WHERE "Fields" <> '[]' OR instr("Url", '?') > 0""",
        """ "Id" IN (SELECT value FROM json_each({0}))""");

    public static ErasureSql Postgres { get; } = new(
        AnyContent + " " + PostgresInboundHasContent,
        """
        UPDATE "Messages" SET "Inbound" = (("Inbound"::jsonb - 'mime_type' - 'button_payload' - 'button_text')
            || jsonb_build_object('media_urls', '[]'::jsonb, 'raw_fields', '{{}}'::jsonb))::text
        WHERE
        """ + " " + PostgresInboundHasContent + " AND ",
        """SELECT * FROM "WebhookReceipts" WHERE "Fields" <> '[]' OR strpos("Url", '?') > 0""",
        """ "Id" = ANY({0})""");

    /// <summary>Erases the inbound content of one contact's messages; <c>{0}</c> is the contact.</summary>
    public string EraseInboundOfContact => EraseInbound + "\"Contact\" = {0}";

    /// <summary>Erases the inbound content of the messages with the ids in <c>{0}</c> (<see cref="IdList"/>).</summary>
    public string EraseInboundOfIds => EraseInbound + IdsIn;

    public static ErasureSql For(DbContext db) => db.Database.IsNpgsql() ? Postgres : Sqlite;

    /// <summary>The parameter of <see cref="IdsIn"/>: a JSON array on SQLite, a uuid array on PostgreSQL.</summary>
    public object IdList(IReadOnlyCollection<Guid> ids) => ReferenceEquals(this, Postgres)
        ? ids.ToArray()
        // EF stores a Guid on SQLite as upper-case text; raw SQL has to match that spelling.
        : JsonSerializer.Serialize(ids.Select(id => id.ToString().ToUpperInvariant()));
}
