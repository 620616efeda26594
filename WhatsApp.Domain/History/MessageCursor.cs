namespace WhatsApp.Domain.History;

/// <summary>A position in a newest-first message list: the items older (or, with <see cref="Newer"/>, newer) than <see cref="Id"/>.</summary>
public sealed record MessageCursor(Guid Id, bool Newer = false);
