namespace PlacementEngine.Scheduling;

public sealed class DispatcherOptions
{
    /// <summary>How often placed-but-undispatched jobs are retried when nothing wakes the dispatcher.</summary>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the cluster API is health-checked.</summary>
    public TimeSpan HealthInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Consecutive failed health checks before the cluster is declared down and its jobs fail over. 1 to 100.</summary>
    public int FailureThreshold { get; set; } = 3;

    /// <summary>How long a watch that broke waits before following the cluster again.</summary>
    public TimeSpan WatchRestartDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Placed jobs handed to the cluster at once. Each records its hand-over with its own version-checked write; done
    /// concurrently, those writes share the store's commits instead of waiting for one each. 1 to 256.
    /// </summary>
    public int DispatchConcurrency { get; set; } = 16;
}
