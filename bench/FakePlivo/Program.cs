using System.Text.Json;
using WhatsApp.Bench.FakePlivo;

// A stand-in for Plivo's send-message API for the benchmarks: answers every send with 202 as Plivo does and records
// when each sender's messages arrived, so the harness can measure dispatch throughput and per-sender pacing.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<AcceptLog>();
var app = builder.Build();

app.MapPost("/v1/Account/{authId}/Message/", async (string authId, HttpRequest request, AcceptLog log, CancellationToken ct) =>
{
    if (!request.Headers.Authorization.ToString().StartsWith("Basic ", StringComparison.Ordinal))
    {
        return Results.Json(new { api_id = Guid.NewGuid(), error = "Authentication failed" }, statusCode: StatusCodes.Status401Unauthorized);
    }

    using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
    var src = body.RootElement.TryGetProperty("src", out var value) ? value.GetString() ?? string.Empty : string.Empty;
    log.Record(src);
    var answer = new PlivoQueuedResponse(Guid.NewGuid().ToString(), "message(s) queued", [Guid.NewGuid().ToString()]);
    return Results.Json(answer, statusCode: StatusCodes.Status202Accepted);
});
app.MapGet("/stats", (AcceptLog log) => Results.Json(log.Snapshot()));
app.MapGet("/stats.txt", (AcceptLog log) => Results.Text(log.Snapshot().ToText()));
app.MapPost("/reset", (AcceptLog log) =>
{
    log.Reset();
    return Results.NoContent();
});
await app.RunAsync();
