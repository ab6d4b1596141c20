using Microsoft.Extensions.Diagnostics.HealthChecks;
using PlacementEngine.Grains;

namespace PlacementEngine.Server.Hosting;

/// <summary>Healthy while the scheduler's grain answers, wherever it lives; a scheduler that cannot be reached places nothing.</summary>
internal sealed class SchedulerHealthCheck(IGrainFactory grains) : IHealthCheck
{
    public const string Name = "scheduler";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var last = await grains.GetGrain<ISchedulerGrain>(ISchedulerGrain.Key).LastCycleAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"the scheduler runs; its last cycle placed {last.Placed} of {last.Considered} pending jobs");
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("the scheduler's grain does not answer", ex);
        }
    }
}
