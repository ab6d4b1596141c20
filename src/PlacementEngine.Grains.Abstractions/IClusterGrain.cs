namespace PlacementEngine.Grains;

/// <summary>
/// The only owner of one cluster's executor (key: the cluster's name): dispatches its placed jobs, follows them,
/// cancels attempts, health-checks the cluster and fails its jobs over. A reminder keeps it active somewhere; on
/// activation it adopts the cluster's jobs already handed over.
/// </summary>
[Alias("placement.cluster")]
public interface IClusterGrain : IGrainWithStringKey
{
    /// <summary>Asks for the placed jobs to be dispatched soon.</summary>
    [OneWay, AlwaysInterleave, Alias("wake")]
    Task WakeAsync();

    /// <summary>
    /// Does nothing but make sure the grain is active: a cluster grain whose silo died comes back at once on a
    /// survivor (and adopts its jobs) instead of waiting for its reminder, which fires once a minute at the most.
    /// </summary>
    [OneWay, AlwaysInterleave, Alias("keep-active")]
    Task KeepActiveAsync();

    /// <summary>Dispatches now (after adopting the in-flight jobs, on a fresh activation); answers when done.</summary>
    [AlwaysInterleave, Alias("dispatch")]
    Task DispatchAsync();

    /// <summary>Stops an attempt of a job on this cluster; succeeds when it is already gone.</summary>
    [AlwaysInterleave, Alias("cancel-attempt")]
    Task CancelAttemptAsync(string jobId, int attempt);
}
