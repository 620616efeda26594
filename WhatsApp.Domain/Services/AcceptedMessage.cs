using WhatsApp.Domain.Messages;

namespace WhatsApp.Domain.Services;

/// <summary>The message a send request stored, and whether it was stored by an earlier request with the same idempotency key.</summary>
public sealed record AcceptedMessage(Message Message, bool Replayed);
