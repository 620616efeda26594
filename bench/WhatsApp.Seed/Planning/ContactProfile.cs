namespace WhatsApp.Seed.Planning;

/// <summary>A customer: E.164 number, language, and the number of ours they usually talk to.</summary>
internal sealed record ContactProfile(string Number, Language Language, byte HomeSender);
