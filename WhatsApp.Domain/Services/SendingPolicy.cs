using WhatsApp.Domain.Contacts;

namespace WhatsApp.Domain.Services;

/// <summary>Rules applied when a send request is accepted.</summary>
public sealed record SendingPolicy(WindowPolicy CustomerServiceWindow = WindowPolicy.Enforce);
