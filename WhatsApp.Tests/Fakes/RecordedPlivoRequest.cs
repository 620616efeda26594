using System.Text.Json.Nodes;

namespace WhatsApp.Tests.Fakes;

/// <summary>One request as <see cref="FakePlivoServer"/> received it.</summary>
/// <param name="Index">Arrival order, from 0; the index passed to <see cref="FakePlivoServer.Behaviour"/>.</param>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Request path as received (trailing slash kept).</param>
/// <param name="Headers">Request headers, case-insensitive; multiple values joined with commas.</param>
/// <param name="Body">Raw body; empty when the connection was reset before reading it.</param>
/// <param name="Json">Parsed body, or null when it was not JSON.</param>
/// <param name="Response">How the server chose to answer.</param>
/// <param name="ReceivedAt">When the request arrived.</param>
public sealed record RecordedPlivoRequest(
    int Index,
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    JsonNode? Json,
    FakeResponseKind Response,
    DateTimeOffset ReceivedAt)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
