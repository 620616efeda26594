namespace WhatsApp.Domain.Common;

/// <summary>A rule of the domain was broken by the caller; the API maps each subtype to a 4xx status.</summary>
public abstract class DomainException(string message) : Exception(message);
