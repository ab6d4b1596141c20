namespace PlacementEngine.Solvers.Cbc;

/// <summary>How long and how far CBC searches. <see cref="Validate"/> reports every bad value at once.</summary>
public sealed class CbcSolverOptions
{
    public const double DefaultTimeLimitSeconds = 10;
    public const double MaxTimeLimitSeconds = 3600;
    public const int DefaultThreads = 1;
    public const int MaxThreads = 64;

    /// <summary>
    /// Wall-clock limit on CBC's search, more than 0 and at most an hour. When it is reached the best plan found
    /// so far is returned with its gap; CBC checks the clock between nodes, so a solve can overrun it slightly.
    /// </summary>
    public TimeSpan TimeLimit { get; set; } = TimeSpan.FromSeconds(DefaultTimeLimitSeconds);

    /// <summary>Stop once (best − bound) / best is at most this, in [0, 1). Null searches for a proven optimum.</summary>
    public double? RelativeGap { get; set; }

    /// <summary>
    /// CBC search threads, 1 to 64. One by default: a single-threaded search is deterministic, and the scheduler
    /// shares its cores with the rest of the service.
    /// </summary>
    public int Threads { get; set; } = DefaultThreads;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (TimeLimit <= TimeSpan.Zero || TimeLimit.TotalSeconds > MaxTimeLimitSeconds)
        {
            errors.Add($"{nameof(TimeLimit)} must be more than 0 and at most {MaxTimeLimitSeconds} s, was {TimeLimit}");
        }
        if (RelativeGap is { } gap && (double.IsNaN(gap) || gap < 0 || gap >= 1))
        {
            errors.Add($"{nameof(RelativeGap)} must be in [0, 1), was {gap}");
        }
        if (Threads is < 1 or > MaxThreads)
        {
            errors.Add($"{nameof(Threads)} must be 1 to {MaxThreads}, was {Threads}");
        }
        return errors;
    }
}
