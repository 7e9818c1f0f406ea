using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Sweeps.Silo;

/// <summary>The readiness health check: healthy while <see cref="SiloReadiness"/> has no reason against it.</summary>
internal sealed class SiloReadinessCheck(SiloReadiness readiness) : IHealthCheck
{
    /// <summary>The tag /health/ready selects; /health/live runs no check (the process answering is enough).</summary>
    public const string ReadyTag = "ready";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(readiness.NotReadyReason() is { } reason ? HealthCheckResult.Unhealthy(reason) : HealthCheckResult.Healthy());
}
