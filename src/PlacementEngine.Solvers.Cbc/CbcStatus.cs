namespace PlacementEngine.Solvers.Cbc;

/// <summary>How CBC's search ended.</summary>
public enum CbcStatus
{
    /// <summary>CBC proved its solution optimal (to its default tolerances, about a hundred-thousandth of a dollar).</summary>
    Optimal,

    /// <summary>Stopped within the requested relative gap.</summary>
    WithinGap,

    /// <summary>Stopped on the time limit; the plan is the best found, possibly completed greedily.</summary>
    TimeLimit,

    /// <summary>CBC gave up on numerical difficulties; the plan is whatever could be salvaged and completed greedily.</summary>
    Abandoned,

    /// <summary>Stopped early for any other reason.</summary>
    Stopped,
}
