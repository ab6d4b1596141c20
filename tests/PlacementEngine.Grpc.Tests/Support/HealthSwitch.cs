using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PlacementEngine.Grpc.Tests.Support;

/// <summary>A health check the test turns healthy or unhealthy.</summary>
internal sealed class HealthSwitch : IHealthCheck
{
    public volatile bool Healthy = true;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(Healthy ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("switched off"));
}
