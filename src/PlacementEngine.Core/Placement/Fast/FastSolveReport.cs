namespace PlacementEngine.Core;

/// <summary>What a fast solve did, for benchmarks and logs.</summary>
/// <param name="RequirementClasses">Distinct requirement signatures among the jobs: what eligibility was computed per.</param>
/// <param name="ListedCandidates">Candidates over all jobs' lists at the end, after column generation.</param>
/// <param name="ProvenOptimal">The exact search finished, so the plan is optimal and the bound equals its objective.</param>
public sealed record FastSolveReport(
    PlacementPlan Plan,
    PlacementObjective Objective,
    Money ObjectiveValue,
    Money LowerBound,
    int Iterations,
    int RequirementClasses,
    long ListedCandidates,
    int ColumnsAdded,
    bool ProvenOptimal)
{
    /// <summary>(objective - bound) / objective: how far from optimal the plan can at most be, over the whole objective.</summary>
    public double Gap => PlacementGap.Relative(ObjectiveValue, LowerBound);

    /// <summary>
    /// The same absolute gap measured against the plan's placed cost instead of the objective: when pending penalties
    /// dominate the objective, this says what share of the spend might still be saved (or lost to a worse choice of
    /// which jobs to place). It is the stricter number whenever anything is placed.
    /// </summary>
    public double CostGap => PlacementGap.AgainstCost(Plan, ObjectiveValue, LowerBound);
}
