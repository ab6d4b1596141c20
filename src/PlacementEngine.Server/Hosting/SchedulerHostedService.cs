using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PlacementEngine.Scheduling;

namespace PlacementEngine.Server.Hosting;

/// <summary>Runs the scheduling loop and one dispatcher per cluster for the life of the process.</summary>
internal sealed partial class SchedulerHostedService(
    SchedulerLoop loop,
    IReadOnlyList<ClusterDispatcher> dispatchers,
    ILogger<SchedulerHostedService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        LogStarting(logger, dispatchers.Count);
        var work = dispatchers.Select(d => RunDispatcherAsync(d, stoppingToken)).Append(loop.RunAsync(stoppingToken));
        try
        {
            await Task.WhenAll(work).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task RunDispatcherAsync(ClusterDispatcher dispatcher, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await dispatcher.RunAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One cluster's broken dispatcher must not stop the others; it starts again from the store.
                LogDispatcherFailed(logger, dispatcher.Cluster, ex);
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "scheduler started with {Count} cluster dispatchers")]
    private static partial void LogStarting(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "dispatcher for cluster {Cluster} failed; restarting it")]
    private static partial void LogDispatcherFailed(ILogger logger, string cluster, Exception exception);
}
