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
}
