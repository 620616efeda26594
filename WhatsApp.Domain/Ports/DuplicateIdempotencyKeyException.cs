namespace WhatsApp.Domain.Ports;

/// <summary>Raised by a repository when a concurrent request stored the same idempotency key first.</summary>
public sealed class DuplicateIdempotencyKeyException(string key, Exception? inner = null)
    : Exception($"Idempotency key '{key}' is already stored.", inner)
{
    public string Key { get; } = key;
}
