namespace PlacementEngine.Scheduling;

public sealed class SimulatedExecutorOptions
{
    /// <summary>
    /// How much faster than real time simulated jobs run: 1 runs a 2-hour job for 2 hours, 3600 runs it for 2 seconds.
    /// 1 to 1,000,000.
    /// </summary>
    public double TimeScale { get; set; } = 1;

    /// <summary>Simulated time from dispatch until the job's pods run (node start-up and image pull).</summary>
    public TimeSpan StartupDelay { get; set; } = TimeSpan.FromSeconds(30);
}
