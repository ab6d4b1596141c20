using PlacementEngine.Core;
using PlacementEngine.Scheduling;

namespace PlacementEngine.Scheduling.Tests;

/// <summary>Builds <see cref="PlanOperations"/> over a scheduler harness's store, fleet and prices, with the cycle's solver.</summary>
internal static class PlanOperationsSupport
{
    public static PlanOperations CreateSut(SchedulerHarness harness, IReadOnlyDictionary<string, Money>? budgets = null, ISolverSelector? solvers = null) =>
        new(
            harness.Store,
            new JobSpecValidator(RegionDirectory.Default, harness.Time),
            new ProblemBuilder(harness.Store, harness.Fleet, harness.Prices, new StaticBudgetSource(budgets ?? new Dictionary<string, Money>())),
            solvers ?? new SingleSolver(new GreedySolver()));

    public static async Task<WhatIfPlan> PlanAsync(this PlanOperations plans, params JobSpec[] specs)
    {
        var result = await plans.PlanAsync(specs.Select(Drafts.From).ToList(), "team-a", default);
        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        return result.Plan!;
    }
}

/// <summary>Hands out the cycle's solver and keeps the problem it was asked about.</summary>
internal sealed class RecordingSolverSelector : ISolverSelector
{
    public PlacementProblem? Problem { get; private set; }

    public IPlacementSolver For(PlacementProblem problem)
    {
        Problem = problem;
        return new GreedySolver();
    }
}
