using PlacementEngine.Core;

namespace PlacementEngine.Benchmarks;

/// <summary>One solver's run on the scenario: its outcome, how long Solve took, and whether the plan passed the audit.</summary>
public sealed record SolverResult(string Solver, SolverOutcome Outcome, TimeSpan Elapsed, Money Objective, IReadOnlyList<string> Violations)
{
    public PlacementPlan Plan => Outcome.Plan;
}
