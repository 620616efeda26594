namespace WhatsApp.Api.Features.Contacts;

/// <summary>Whether free-form (non-template) messages may be sent to a contact now, and until when.</summary>
public sealed record ContactWindowResponse(string Contact, bool Open, DateTimeOffset? LastInboundAt, DateTimeOffset? ClosesAt);
