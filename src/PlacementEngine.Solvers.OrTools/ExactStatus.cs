namespace PlacementEngine.Solvers.OrTools;

/// <summary>How the exact solver's search ended.</summary>
public enum ExactStatus
{
    /// <summary>The solver proved its solution optimal (exactly, at the cost resolution; see <see cref="CostScale"/>).</summary>
    Optimal,

    /// <summary>Stopped within the requested relative gap.</summary>
    WithinGap,

    /// <summary>Stopped on the time limit; the plan is the best found (or the hint's), possibly completed greedily.</summary>
    TimeLimit,

    /// <summary>Cancelled by the caller.</summary>
    Stopped,
}
