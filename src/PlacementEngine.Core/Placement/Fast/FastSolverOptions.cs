namespace PlacementEngine.Core;

/// <summary>How much work the fast solver may do. The core has no clock: callers bound time through <see cref="ShouldStop"/>.</summary>
public sealed class FastSolverOptions
{
    // The prices still climb past 500 iterations on budget-bound instances, and the plans built from them improve:
    // L seeds 5 to 8 contended ended 2.13, 1.79, 1.95 and 1.61% from their bounds with at most 500 iterations, and
    // 1.72, 1.79, 1.81 and 1.61% with at most 1,000 (seed 5 in less time: 4.2 s against 5.7, the repairs needing less).
    public const int DefaultMaxIterations = 1000;
    public const int DefaultPolishRounds = 6;
    public const int DefaultCandidatesPerJob = 12;
    public const int DefaultExactSearchMaxJobs = 12;
    public const int DefaultExactSearchMaxNodes = 2_000_000;
    public const double DefaultTargetGap = 0.002;

    public static FastSolverOptions Default { get; } = new();

    /// <summary>Subgradient iterations at most; 0 or more (0 also skips the polish). Each costs about one pass over every job's listed pools.</summary>
    public int MaxIterations { get; init; } = DefaultMaxIterations;

    /// <summary>
    /// Rounds of coordinate ascent on the prices after the subgradient phase (three sweeps over every price each, then
    /// column generation); 0 to 100, 0 turns the phase off. Each sweep costs about a few subgradient iterations.
    /// </summary>
    public int PolishRounds { get; init; } = DefaultPolishRounds;

    /// <summary>Cheapest pools listed per job up front (1 to 1,000); pools the dual prices point to are added as needed.</summary>
    public int CandidatesPerJob { get; init; } = DefaultCandidatesPerJob;

    /// <summary>Stop once (objective - lower bound) / objective is at most this; 0 to 1.</summary>
    public double TargetGap { get; init; } = DefaultTargetGap;

    /// <summary>Problems with at most this many jobs are solved to proven optimality by branch and bound; 0 to 30, 0 turns it off.</summary>
    public int ExactSearchMaxJobs { get; init; } = DefaultExactSearchMaxJobs;

    /// <summary>Search nodes the branch and bound may visit before it settles for the best plan found; at least 1.</summary>
    public int ExactSearchMaxNodes { get; init; } = DefaultExactSearchMaxNodes;

    /// <summary>
    /// Asked between iterations; true ends the search, and the solver then finishes its best plan (a final fill and
    /// improvement pass, the bound, the explanations). Typically a caller's stopwatch against a time budget.
    /// </summary>
    public Func<bool>? ShouldStop { get; init; }

    /// <summary>
    /// Told as each phase of the search ends, with the best objective and bound so far: where a solve spends its work
    /// and what each phase gains. The core has no clock; a caller that wants timings stamps the calls itself.
    /// </summary>
    public Action<FastSolverProgress>? Progress { get; init; }

    /// <summary>Every value out of range, named; empty when the options are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (MaxIterations < 0)
        {
            errors.Add($"{nameof(MaxIterations)} is {MaxIterations}: at least 0");
        }
        if (PolishRounds is < 0 or > 100)
        {
            errors.Add($"{nameof(PolishRounds)} is {PolishRounds}: 0 to 100");
        }
        if (CandidatesPerJob is < 1 or > 1000)
        {
            errors.Add($"{nameof(CandidatesPerJob)} is {CandidatesPerJob}: 1 to 1000");
        }
        if (double.IsNaN(TargetGap) || TargetGap is < 0 or > 1)
        {
            errors.Add($"{nameof(TargetGap)} is {TargetGap}: 0 to 1");
        }
        if (ExactSearchMaxJobs is < 0 or > 30)
        {
            errors.Add($"{nameof(ExactSearchMaxJobs)} is {ExactSearchMaxJobs}: 0 to 30");
        }
        if (ExactSearchMaxNodes < 1)
        {
            errors.Add($"{nameof(ExactSearchMaxNodes)} is {ExactSearchMaxNodes}: at least 1");
        }
        return errors;
    }
}
