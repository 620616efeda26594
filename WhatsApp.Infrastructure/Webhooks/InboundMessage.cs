using WhatsApp.Domain.Messages;

namespace WhatsApp.Infrastructure.Webhooks;

internal sealed record InboundMessage(
    string ProviderMessageId, string From, string To, MessageType Type, MessageContent Content, InboundDetails Details);
