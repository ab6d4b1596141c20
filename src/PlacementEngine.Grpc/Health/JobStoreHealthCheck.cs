using Microsoft.Extensions.Diagnostics.HealthChecks;
using PlacementEngine.Core;
using PlacementEngine.Scheduling;

namespace PlacementEngine.Grpc.Health;

/// <summary>Healthy while the job store answers a read; its exception, if any, stays in the report and not on the wire.</summary>
public sealed class JobStoreHealthCheck(IJobStore store) : IHealthCheck
{
    public const string Name = "job-store";

    private static readonly JobId Probe = new("health-check-probe");

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.GetAsync(Probe, cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy("the job store answers");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("the job store does not answer", ex);
        }
    }
}
