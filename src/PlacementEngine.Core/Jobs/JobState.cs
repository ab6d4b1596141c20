namespace PlacementEngine.Core;

public enum JobState
{
    Pending,
    Placed,
    Dispatched,
    Running,
    Succeeded,
    Failed,
    Unschedulable,
    Preempted,
    Cancelled,
}

public static class JobStates
{
    public static bool IsTerminal(this JobState state) =>
        state is JobState.Succeeded or JobState.Failed or JobState.Cancelled;

    /// <summary>States in which the job holds reserved nodes in a pool.</summary>
    public static bool HoldsCapacity(this JobState state) =>
        state is JobState.Placed or JobState.Dispatched or JobState.Running;

    public static IReadOnlyList<JobState> All { get; } = Enum.GetValues<JobState>();
}
