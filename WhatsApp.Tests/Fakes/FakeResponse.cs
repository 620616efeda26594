using System.Text.Json;

namespace WhatsApp.Tests.Fakes;

/// <summary>How <see cref="FakePlivoServer"/> answers one request.</summary>
public sealed record FakeResponse
{
    private FakeResponse(FakeResponseKind kind) => Kind = kind;

    public FakeResponseKind Kind { get; }

    public int StatusCode { get; private init; } = 202;

    public string? Body { get; private init; }

    /// <summary>Raw Retry-After header value: delta-seconds ("7") or an HTTP date.</summary>
    public string? RetryAfter { get; private init; }

    /// <summary>Latency before an accept, or how long a hang lasts.</summary>
    public TimeSpan Delay { get; private init; }

    /// <param name="latency">Simulated processing time before answering (for benchmarks).</param>
    public static FakeResponse Accept(TimeSpan? latency = null) =>
        new(FakeResponseKind.Accept) { Delay = latency ?? TimeSpan.Zero };

    public static FakeResponse Status(int statusCode, string? body = null, string? retryAfter = null) =>
        new(FakeResponseKind.Status) { StatusCode = statusCode, Body = body, RetryAfter = retryAfter };

    /// <summary>A Plivo-style error body: <c>{"api_id":"…","error":"…"}</c>.</summary>
    public static FakeResponse Error(int statusCode, string error, string? retryAfter = null) =>
        Status(statusCode, JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["api_id"] = Guid.NewGuid().ToString(),
            ["error"] = error,
        }), retryAfter);

    public static FakeResponse ResetBeforeReading() => new(FakeResponseKind.ResetBeforeReading);

    public static FakeResponse Hang(TimeSpan duration) => new(FakeResponseKind.Hang) { Delay = duration };
}
