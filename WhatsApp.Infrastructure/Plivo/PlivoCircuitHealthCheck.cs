using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace WhatsApp.Infrastructure.Plivo;

/// <summary>
/// Degraded while the circuit to Plivo is open. Not unhealthy: the service still accepts and stores messages, and
/// sends them once Plivo answers again, so taking the instance out of rotation would only make things worse.
/// </summary>
internal sealed class PlivoCircuitHealthCheck(PlivoCircuit circuit) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(circuit.Describe() is { } open ? HealthCheckResult.Degraded(open) : HealthCheckResult.Healthy());
}
