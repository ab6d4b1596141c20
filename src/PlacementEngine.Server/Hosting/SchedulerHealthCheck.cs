using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace PlacementEngine.Server.Hosting;

/// <summary>Healthy while the scheduler's background service runs; a scheduler that stopped or crashed places nothing.</summary>
internal sealed class SchedulerHealthCheck(IEnumerable<IHostedService> hosted) : IHealthCheck
{
    public const string Name = "scheduler";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var scheduler = hosted.OfType<SchedulerHostedService>().SingleOrDefault();
        return Task.FromResult(scheduler?.ExecuteTask switch
        {
            null => HealthCheckResult.Degraded("the scheduler has not started yet"),
            { IsCompleted: false } => HealthCheckResult.Healthy("the scheduler runs"),
            { IsFaulted: true } task => HealthCheckResult.Unhealthy("the scheduler crashed", task.Exception),
            _ => HealthCheckResult.Unhealthy("the scheduler has stopped"),
        });
    }
}
