namespace WhatsApp.Domain.Common;

public sealed class NotFoundException(string resource, string id) : DomainException($"{resource} '{id}' was not found.");
