using WhatsApp.Domain.Messages;

namespace WhatsApp.Domain.Services;

/// <summary>A validated request to send one message (<c>SentBy</c>: the inbox user replying, if one is). <c>RequestFingerprint</c> hashes the body, compared when an idempotency key is reused.</summary>
public sealed record SendMessageCommand(
    string From,
    string To,
    MessageType Type,
    MessageContent Content,
    string ClientName,
    string? IdempotencyKey = null,
    string? RequestFingerprint = null,
    IReadOnlyDictionary<string, string>? Metadata = null,
    string? SentBy = null);
