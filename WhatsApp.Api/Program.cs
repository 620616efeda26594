using System.Reflection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Scalar.AspNetCore;
using WhatsApp.Api;
using WhatsApp.Api.Auth;
using WhatsApp.Api.Features.Inbox;
using WhatsApp.Infrastructure;
using WhatsApp.Infrastructure.Persistence;
using WhatsApp.Infrastructure.Plivo;
using WhatsApp.Infrastructure.Users;

// The build writes the OpenAPI document (openapi/v1.json) by running this entry point under dotnet-getdocument, which
// reads the document and stops: it gets the embedded defaults of `dotnet run` (Development, the simulator).
var buildTimeDocument = Assembly.GetEntryAssembly()?.GetName().Name == "GetDocument.Insider";
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    EnvironmentName = buildTimeDocument ? Environments.Development : null,
});
if (buildTimeDocument)
{
    // Its start-up migrates a database: a scratch one, not the developer's data/whatsapp.db, made afresh each build so
    // a migration rewritten since the last build cannot meet the state an earlier one left.
    var scratch = Path.Combine(Path.GetTempPath(), "whatsapp-openapi-build.db");
    foreach (var file in new[] { scratch, scratch + "-wal", scratch + "-shm" })
    {
        File.Delete(file);
    }

    builder.Configuration["ConnectionStrings:WhatsApp"] = $"Data Source={scratch}";
}
builder.Configuration.ReloadJsonFilesByPolling(builder.Environment.ContentRootPath);
PlivoEnvironmentAliases.Apply(builder.Configuration);
builder.Services.AddApi(builder.Configuration, builder.Environment);
builder.Services.AddInfrastructure(builder.Configuration, builder.Environment);

var app = builder.Build();
await app.Services.InitializeDatabaseAsync();
await app.Services.SeedInboxUsersAsync();

// First, so everything after it (the invalid-key throttle included) sees the client's address, not the proxy's.
app.UseForwardedHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseInboxAssets();
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();

app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
if (app.Configuration.GetValue("OpenApi:Enabled", app.Environment.IsDevelopment()))
{
    // The reference documents the API; it exposes no data, so it is served without a key where enabled.
    app.MapOpenApi().AllowAnonymous();
    app.MapScalarApiReference().AllowAnonymous();
}

app.MapPrometheusScrapingEndpoint("/metrics").RequireAuthorization(Policies.ReadMetrics);
app.MapControllers();
app.MapInbox();
await app.RunAsync();

/// <summary>Entry point, public so functional tests can host it with WebApplicationFactory.</summary>
public partial class Program;
