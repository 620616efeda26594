// The floor of the benchmarks: the least an ASP.NET Core app on this machine can do per request (read the body,
// answer 200). Every service throughput is reported as a fraction of this one.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();

app.MapPost("/{**path}", DrainAsync);
app.MapGet("/{**path}", DrainAsync);
await app.RunAsync();

static async Task<IResult> DrainAsync(HttpRequest request, CancellationToken ct)
{
    await request.Body.CopyToAsync(Stream.Null, ct);
    return Results.Ok();
}
