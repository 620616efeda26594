namespace WhatsApp.Seed.Content;

/// <summary>What a customer's reply refers to: our latest outbound message, its template and interactive kind.</summary>
internal readonly record struct InboundContext(string? ProviderMessageId, byte Template, string? InteractiveKind);
