namespace PlacementEngine.Scheduling;

public sealed class SchedulerOptions
{
    /// <summary>Longest wait between two cycles when nothing triggers one. 100 ms to 10 min.</summary>
    public TimeSpan CycleInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Quiet time after a submission before the cycle runs, so a burst of submissions is placed jointly
    /// rather than one at a time. 0 to 10 s.
    /// </summary>
    public TimeSpan BatchWindow { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Most Pending jobs one cycle considers, oldest first; the rest wait for the next cycle. It bounds a cycle's time
    /// and memory when the queue is very long, while a cycle still places a whole burst of submissions jointly.
    /// </summary>
    public int MaxJobsPerCycle { get; set; } = 5_000;

    /// <summary>
    /// How often the in-memory pending queue is loaded again from the store in full, to pick up changes it could not
    /// observe (another process's writes). Zero loads it every cycle.
    /// </summary>
    public TimeSpan QueueReloadInterval { get; set; } = TimeSpan.FromSeconds(60);
}
