using WhatsApp.Domain.Messages;
using WhatsApp.Infrastructure.Persistence;

namespace WhatsApp.Seed.Writing;

/// <summary>
/// Messages rows as EF Core would write them: enums by name, JSON columns snake_case, SearchText from the body, the
/// lease columns NULL. Four shapes, each binding only what varies: inbound text, other inbound, plain sent text (most
/// outbound messages) and any other outbound message. The contact is bound once and reused as From or To.
/// </summary>
internal sealed class MessageColumns
{
    private const int InboundTextShape = 0;
    private const int InboundShape = 1;
    private const int OutboundTextShape = 2;
    private const int OutboundShape = 3;

    private static readonly Dictionary<string, string> Inbound = new()
    {
        ["Direction"] = "'Inbound'", ["From"] = "$Contact", ["Status"] = "'Received'", ["Attempts"] = "0", ["ClientName"] = "''",
        ["UpdatedAt"] = "$CreatedAt", ["OutsideWindow"] = "0",
    };

    private static readonly object[] SmallNumbers = Enumerable.Range(0, 16).Select(n => (object)n).ToArray();

    private readonly InboundJson _inboundJson = new();

    public static InsertShape[] Shapes { get; } =
    [
        new("Messages",
            ["Id", "To", "Contact", "Body", "ProviderMessageId", "CreatedAt", "Inbound", "SearchText"],
            new Dictionary<string, string>(Inbound) { ["Type"] = "'Text'" }),
        new("Messages",
            ["Id", "Type", "To", "Contact", "Body", "MediaUrl", "Location", "ProviderMessageId", "CreatedAt", "Inbound", "SearchText"],
            Inbound),
        new("Messages",
            ["Id", "From", "Contact", "Body", "Status", "ProviderMessageId", "Attempts", "ClientName", "CreatedAt", "UpdatedAt", "SentAt",
                "Conversation", "SearchText"],
            new Dictionary<string, string> { ["Direction"] = "'Outbound'", ["Type"] = "'Text'", ["To"] = "$Contact", ["OutsideWindow"] = "0" }),
        new("Messages",
            ["Id", "Type", "From", "Contact", "Body", "MediaUrl", "Template", "Interactive", "Location", "TemplateName", "Status",
                "ProviderMessageId", "ErrorCode", "ErrorReason", "Attempts", "NextAttemptAt", "ClientName", "CreatedAt", "UpdatedAt", "SentAt",
                "Conversation", "SearchText"],
            new Dictionary<string, string> { ["Direction"] = "'Outbound'", ["To"] = "$Contact", ["OutsideWindow"] = "0" }),
    ];

    public (int Shape, object[] Values) Values(MessageRow row)
    {
        var content = row.Content;
        var id = SqliteText.Of(row.Id);
        var body = SqliteText.OrNull(content.Text);
        var searchText = SqliteText.OrNull(WhatsAppDbContext.SearchTextOf(content.Text));
        var createdAt = SqliteText.Of(row.CreatedAt);
        if (row.Direction == MessageDirection.Inbound)
        {
            var inbound = _inboundJson.Serialize(row.Inbound!);
            return row.Type == MessageType.Text
                ? (InboundTextShape, [id, row.To, row.Contact, body, row.ProviderMessageId!, createdAt, inbound, searchText])
                : (InboundShape,
                [
                    id, row.Type.ToString(), row.To, row.Contact, body, SqliteText.OrNull(content.MediaUrl), SeedJson.OrNull(content.Location),
                    row.ProviderMessageId!, createdAt, inbound, searchText,
                ]);
        }

        if (row.Type == MessageType.Text && row.ErrorCode is null && row.NextAttemptAt is null)
        {
            return (OutboundTextShape,
            [
                id, row.From, row.Contact, body, row.Status.ToString(), SqliteText.OrNull(row.ProviderMessageId), SmallNumbers[row.Attempts],
                row.ClientName, createdAt, SqliteText.Of(row.UpdatedAt), SqliteText.OrNull(row.SentAt), SqliteText.OrNull(row.ConversationJson),
                searchText,
            ]);
        }

        return (OutboundShape,
        [
            id, row.Type.ToString(), row.From, row.Contact, body, SqliteText.OrNull(content.MediaUrl), SeedJson.OrNull(content.Template),
            SeedJson.OrNull(content.Interactive), SeedJson.OrNull(content.Location), SqliteText.OrNull(row.TemplateName), row.Status.ToString(),
            SqliteText.OrNull(row.ProviderMessageId), SqliteText.OrNull(row.ErrorCode), SqliteText.OrNull(row.ErrorReason),
            SmallNumbers[row.Attempts], SqliteText.OrNull(row.NextAttemptAt), row.ClientName, createdAt, SqliteText.Of(row.UpdatedAt),
            SqliteText.OrNull(row.SentAt), SqliteText.OrNull(row.ConversationJson), searchText,
        ]);
    }
}
