namespace WhatsApp.Domain.Common;

public sealed class ConflictException(string message) : DomainException(message);
