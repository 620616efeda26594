namespace WhatsApp.Api.Features.ContactData;

/// <summary>What an erasure request removed: counts of rows whose content was erased just now (0 when already erased).</summary>
public sealed record ContactErasureResponse(string Contact, int MessagesErased, int WebhookReceiptsErased);
