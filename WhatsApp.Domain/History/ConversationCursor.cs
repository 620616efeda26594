namespace WhatsApp.Domain.History;

/// <summary>A position in the conversation list (most recent activity first).</summary>
public sealed record ConversationCursor(DateTimeOffset LastMessageAt, string Contact);
