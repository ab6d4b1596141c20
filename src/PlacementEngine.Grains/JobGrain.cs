using Microsoft.Extensions.Logging;
using Orleans.Placement;
using Orleans.Utilities;
using PlacementEngine.Core;
using PlacementEngine.Scheduling;

namespace PlacementEngine.Grains;

/// <summary>One stored job's cancel and the fan-out of its changes; see <see cref="IJobGrain"/>.</summary>
/// <remarks>
/// Idle job grains go soon: there is one per watched or cancelled job, and a busy service has many thousands. A job's
/// grain starts on the silo that first calls it (the one serving the watch or the cancel), which spares that call a hop.
/// </remarks>
[CollectionAgeLimit(Minutes = 2)]
[PreferLocalPlacement]
internal sealed class JobGrain(JobOperations jobs, ILogger<JobGrain> logger) : Grain, IJobGrain
{
    /// <summary>How long a subscription lasts unless renewed; watchers renew well within it.</summary>
    public static readonly TimeSpan WatcherLease = TimeSpan.FromMinutes(2);

    private readonly ObserverManager<IJobWatcher> _watchers = new(WatcherLease, logger);

    private JobId Id => new(this.GetPrimaryKeyString());

    public async Task<Immutable<CancelResult>> CancelAsync(string reason)
    {
        var (result, stop) = await jobs.CancelInStoreAsync(Id, reason, CancellationToken.None).ConfigureAwait(true);
        if (stop is not null)
        {
            // Only the cluster's grain touches its executor.
            await GrainFactory.GetGrain<IClusterGrain>(stop.Cluster).CancelAttemptAsync(Id.Value, stop.Attempt).ConfigureAwait(true);
        }
        return result.AsImmutable();
    }

    public Task SubscribeAsync(IJobWatcher watcher)
    {
        _watchers.Subscribe(watcher, watcher);
        return Task.CompletedTask;
    }

    public Task<int> WatcherCountAsync() => Task.FromResult(_watchers.Count);

    public Task UnsubscribeAsync(IJobWatcher watcher)
    {
        _watchers.Unsubscribe(watcher);
        return Task.CompletedTask;
    }

    public Task PublishAsync(Immutable<JobChange> change)
    {
        _watchers.Notify(watcher => _ = watcher.OnChangedAsync(change));
        return Task.CompletedTask;
    }
}
