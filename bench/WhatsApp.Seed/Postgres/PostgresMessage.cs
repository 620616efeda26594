using WhatsApp.Seed.Writing;

namespace WhatsApp.Seed.Postgres;

/// <summary>A composed message with its JSON columns and search text already serialized (on the composing thread).</summary>
internal sealed record PostgresMessage(
    MessageRow Row, string? Inbound, string? Template, string? Interactive, string? Location, string? SearchText);
