using PlacementEngine.Core;
using PlacementEngine.Scheduling;

namespace PlacementEngine.Grains;

/// <summary>
/// One stored job (key: the job's id): its cancel, and the fan-out of its committed changes to watchers on any silo.
/// Every write is version-checked in the store before it is acknowledged. A submission creates the job without it
/// (see GrainJobOperations): a new id has no other writer, and the store's key constraint decides idempotency.
/// </summary>
[Alias("placement.job")]
public interface IJobGrain : IGrainWithStringKey
{
    /// <summary>Cancels the job, and stops its attempt through the cluster's grain.</summary>
    [Alias("cancel")]
    Task<Immutable<CancelResult>> CancelAsync(string reason);

    /// <summary>Tells <paramref name="watcher"/> of every change committed from now on, for a lease it renews by calling again.</summary>
    [AlwaysInterleave, Alias("subscribe")]
    Task SubscribeAsync(IJobWatcher watcher);

    /// <summary>How many watchers are subscribed now: for operators tracing a job, and for tests.</summary>
    [AlwaysInterleave, ReadOnly, Alias("watcher-count")]
    Task<int> WatcherCountAsync();

    /// <summary>Stops telling <paramref name="watcher"/>; one-way, as the watch that ends does not wait for it.</summary>
    [OneWay, AlwaysInterleave, Alias("unsubscribe")]
    Task UnsubscribeAsync(IJobWatcher watcher);

    /// <summary>A change the store applied, from whichever writer committed it; forwarded to the watchers.</summary>
    [OneWay, AlwaysInterleave, Alias("publish")]
    Task PublishAsync(Immutable<JobChange> change);
}

/// <summary>A WatchJob stream's end of a job's changes.</summary>
[Alias("placement.job-watcher")]
public interface IJobWatcher : IGrainObserver
{
    [OneWay, Alias("changed")]
    Task OnChangedAsync(Immutable<JobChange> change);
}
