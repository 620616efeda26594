using Npgsql;
using NpgsqlTypes;
using WhatsApp.Infrastructure.Persistence;
using WhatsApp.Seed.Planning;
using WhatsApp.Seed.Writing;

namespace WhatsApp.Seed.Postgres;

/// <summary>
/// The binary COPY of each seeded table: the columns in the order written, and one row's values typed as the
/// PostgreSQL migrations declare them (uuid, timestamp with time zone, varchar, integer, boolean). Enums by name and
/// JSON text as EF Core writes them; the lease columns are left NULL.
/// </summary>
internal static class PostgresCopy
{
    public const string Messages = """
        COPY "Messages" ("Id", "Direction", "Type", "From", "To", "Contact", "TemplateName", "Status", "ProviderMessageId",
            "ErrorCode", "ErrorReason", "Attempts", "NextAttemptAt", "ClientName", "CreatedAt", "UpdatedAt", "SentAt", "Inbound",
            "Conversation", "OutsideWindow", "SearchText", "Interactive", "Location", "MediaUrl", "Template", "Body")
        FROM STDIN (FORMAT BINARY, FREEZE)
        """;

    public const string StatusEvents = """
        COPY "MessageStatusEvents" ("Id", "MessageId", "ProviderMessageId", "Status", "Sequence", "ProviderTime", "ReceivedAt",
            "ErrorCode", "Reason", "Applied")
        FROM STDIN (FORMAT BINARY, FREEZE)
        """;

    public const string Contacts = """
        COPY "Contacts" ("Number", "OurNumber", "FirstSeenAt", "LastInboundAt", "LastMessageId", "LastMessageAt", "InboundCount",
            "OutboundCount", "FailedCount")
        FROM STDIN (FORMAT BINARY, FREEZE)
        """;

    /// <summary>Runs on the composing thread: the JSON serializer of inbound details is not thread-safe.</summary>
    public static Func<MessageRow, PostgresMessage> Composer()
    {
        var inbound = new InboundJson();
        return row => new PostgresMessage(
            row,
            row.Inbound is { } details ? inbound.Serialize(details) : null,
            Json(row.Content.Template),
            Json(row.Content.Interactive),
            Json(row.Content.Location),
            WhatsAppDbContext.SearchTextOf(row.Content.Text));
    }

    public static void Write(NpgsqlBinaryImporter copy, PostgresMessage message)
    {
        var row = message.Row;
        copy.StartRow();
        copy.Write(row.Id, NpgsqlDbType.Uuid);
        Text(copy, row.Direction.ToString());
        Text(copy, row.Type.ToString());
        Text(copy, row.From);
        Text(copy, row.To);
        Text(copy, row.Contact);
        Text(copy, row.TemplateName);
        Text(copy, row.Status.ToString());
        Text(copy, row.ProviderMessageId);
        Text(copy, row.ErrorCode);
        Text(copy, row.ErrorReason);
        copy.Write(row.Attempts, NpgsqlDbType.Integer);
        Time(copy, row.NextAttemptAt);
        Text(copy, row.ClientName);
        Time(copy, row.CreatedAt);
        Time(copy, row.UpdatedAt);
        Time(copy, row.SentAt);
        Text(copy, message.Inbound);
        Text(copy, row.ConversationJson);
        copy.Write(false, NpgsqlDbType.Boolean);
        Text(copy, message.SearchText);
        Text(copy, message.Interactive);
        Text(copy, message.Location);
        Text(copy, row.Content.MediaUrl);
        Text(copy, message.Template);
        Text(copy, row.Content.Text);
    }

    public static void Write(NpgsqlBinaryImporter copy, StatusEventRow row)
    {
        copy.StartRow();
        copy.Write(row.Id, NpgsqlDbType.Uuid);
        copy.Write(row.MessageId, NpgsqlDbType.Uuid);
        Text(copy, row.ProviderMessageId);
        Text(copy, row.Status.ToString());
        Text(copy, row.Sequence);
        Time(copy, row.ProviderTime);
        Time(copy, row.ReceivedAt);
        Text(copy, row.ErrorCode);
        Text(copy, row.Reason);
        copy.Write(true, NpgsqlDbType.Boolean);
    }

    public static void Write(NpgsqlBinaryImporter copy, ContactProfile contact, ContactState state)
    {
        copy.StartRow();
        Text(copy, contact.Number);
        Text(copy, state.OurNumber);
        Time(copy, state.FirstSeenAt);
        Time(copy, state.LastInboundAt);
        if (state.LastMessageId is { } id)
        {
            copy.Write(id, NpgsqlDbType.Uuid);
        }
        else
        {
            copy.WriteNull();
        }

        Time(copy, state.LastMessageAt);
        copy.Write(state.InboundCount, NpgsqlDbType.Integer);
        copy.Write(state.OutboundCount, NpgsqlDbType.Integer);
        copy.Write(state.FailedCount, NpgsqlDbType.Integer);
    }

    private static string? Json<T>(T? value)
        where T : class =>
        value is null ? null : SeedJson.Serialize(value);

    private static void Text(NpgsqlBinaryImporter copy, string? value)
    {
        if (value is null)
        {
            copy.WriteNull();
            return;
        }

        copy.Write(value, NpgsqlDbType.Varchar);
    }

    private static void Time(NpgsqlBinaryImporter copy, long? unixMs)
    {
        if (unixMs is not { } value)
        {
            copy.WriteNull();
            return;
        }

        copy.Write(DateTime.UnixEpoch.AddMilliseconds(value), NpgsqlDbType.TimestampTz);
    }
}
