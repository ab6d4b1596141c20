namespace PlacementEngine.Solvers.OrTools;

/// <summary>How long and how far the exact solver searches. <see cref="Validate"/> reports every bad value at once.</summary>
public sealed class ExactSolverOptions
{
    public const double DefaultTimeLimitSeconds = 10;
    public const double MaxTimeLimitSeconds = 3600;
    public const int MaxWorkers = 64;

    /// <summary>
    /// Wall-clock limit on the search, more than 0 and at most an hour. When it is reached the best plan found so far
    /// is returned with its gap.
    /// </summary>
    public TimeSpan TimeLimit { get; set; } = TimeSpan.FromSeconds(DefaultTimeLimitSeconds);

    /// <summary>Stop once (best − bound) / best is at most this, in [0, 1). Null searches for a proven optimum.</summary>
    public double? RelativeGap { get; set; }

    /// <summary>
    /// Parallel workers, 1 to 64, one per core by default: CP-SAT's portfolio of search strategies is what closes its
    /// gap; the MIP backends take it as a thread count where their build supports threads. The search is bounded by
    /// <see cref="TimeLimit"/>.
    /// </summary>
    public int Workers { get; set; } = Math.Min(Environment.ProcessorCount, MaxWorkers);

    /// <summary>The engine that solves the model; see <see cref="ExactBackend"/>.</summary>
    public ExactBackend Backend { get; set; } = ExactBackend.Cbc;

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
        if (Workers is < 1 or > MaxWorkers)
        {
            errors.Add($"{nameof(Workers)} must be 1 to {MaxWorkers}, was {Workers}");
        }
        if (!Enum.IsDefined(Backend))
        {
            errors.Add($"{nameof(Backend)} must be one of {string.Join(", ", Enum.GetNames<ExactBackend>())}, was {(int)Backend}");
        }
        return errors;
    }
}
