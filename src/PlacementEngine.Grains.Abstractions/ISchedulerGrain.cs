namespace PlacementEngine.Grains;

/// <summary>
/// The scheduler: runs the numbered cycle on a timer and when woken. One per service (key <see cref="Key"/>); a
/// reminder keeps it active somewhere. A brief second activation is harmless: the store commits placements with
/// version and capacity checks.
/// </summary>
[Alias("placement.scheduler")]
public interface ISchedulerGrain : IGrainWithIntegerKey
{
    const long Key = 0;

    /// <summary>Asks for a cycle soon; wakes arriving while one runs collapse into the next.</summary>
    [OneWay, AlwaysInterleave, Alias("wake")]
    Task WakeAsync();

    /// <summary>
    /// A job change written on some silo that may concern the pending queue (a job became Pending, was cancelled, or
    /// stopped holding capacity).
    /// The scheduler's own silo hears of local changes directly; this carries the other silos' ones.
    /// </summary>
    [OneWay, AlwaysInterleave, Alias("observe")]
    Task ObserveAsync(Immutable<PlacementEngine.Scheduling.JobChange> change);

    /// <summary>Runs a cycle that starts after this call and answers what it did.</summary>
    [AlwaysInterleave, Alias("run-cycle")]
    Task<CycleSummary> RunCycleAsync();

    /// <summary>What the last finished cycle did, without waiting for one.</summary>
    [AlwaysInterleave, ReadOnly, Alias("last-cycle")]
    Task<CycleSummary> LastCycleAsync();
}

/// <summary>What one cycle did, in counts.</summary>
[GenerateSerializer, Immutable, Alias("placement.cycle-summary")]
public sealed record CycleSummary(
    [property: Id(0)] int Considered,
    [property: Id(1)] int Placed,
    [property: Id(2)] int Unschedulable,
    [property: Id(3)] int Conflicts);
