using WhatsApp.Domain.Messages;
using WhatsApp.Infrastructure.Persistence.Configurations;
using WhatsApp.Infrastructure.Persistence.Writes;

namespace WhatsApp.Infrastructure.Persistence;

/// <summary>The insert of a message with the search text that <see cref="WhatsAppDbContext"/> sets on save.</summary>
internal static class MessageRows
{
    public static PreparedRow Prepare(WriteQueue writes, Message message) =>
        writes.Prepare(message, null, (MessageConfiguration.SearchText, WhatsAppDbContext.SearchTextOf(message.Content.Text)));
}
