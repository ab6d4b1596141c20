namespace PlacementEngine.Scheduling;

/// <summary>What scheduling reports as it goes; the metrics adapter implements it.</summary>
public interface ISchedulerTelemetry
{
    void SolveCompleted(string solver, TimeSpan duration);

    void CycleCompleted(TimeSpan duration, IReadOnlyDictionary<string, int> pendingByReason);

    void JobPlaced(TimeSpan submitToPlace);

    void DispatchFailed(string cluster, string code);

    void Preempted(string cluster, string pool);

    void FailedOver(string cluster);
}

public sealed class NoTelemetry : ISchedulerTelemetry
{
    public static NoTelemetry Instance { get; } = new();

    public void SolveCompleted(string solver, TimeSpan duration) { }
    public void CycleCompleted(TimeSpan duration, IReadOnlyDictionary<string, int> pendingByReason) { }
    public void JobPlaced(TimeSpan submitToPlace) { }
    public void DispatchFailed(string cluster, string code) { }
    public void Preempted(string cluster, string pool) { }
    public void FailedOver(string cluster) { }
}
