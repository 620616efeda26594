using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace WhatsApp.Infrastructure.Persistence;

/// <summary>Readiness of the database, as <see cref="DatabaseReadinessProbe"/> last found it.</summary>
internal sealed class DatabaseHealthCheck(DatabaseReadinessProbe probe) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        probe.CheckAsync(cancellationToken);
}
