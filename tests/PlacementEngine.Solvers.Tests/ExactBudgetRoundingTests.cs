using PlacementEngine.Core;
using PlacementEngine.Solvers.OrTools;
using PlacementEngine.Solvers.Tests.Support;
using PlacementEngine.TestKit;

namespace PlacementEngine.Solvers.Tests;

/// <summary>Budgets are decimal; CP-SAT counts whole units. Plans must keep budgets to the millionth of a dollar.</summary>
public sealed class ExactBudgetRoundingTests
{
    [Fact]
    public void Solve_ThreeTenCentJobsOnAThirtyCentBudget_PlacesAllThree()
    {
        // In doubles 0.1 + 0.1 + 0.1 is 0.30000000000000004, just over 0.3.
        var problem = ThreeTenCentJobs(budget: 0.3m);

        var plan = CreateSut().Solve(problem);

        Assert.Equal(3, plan.Assignments.Count);
        Assert.Equal(Money.Of(0.3m), plan.TotalCost);
    }

    [Fact]
    public void Solve_BudgetOneMillionthShort_LeavesTheLeastImportantJobPendingForBudget()
    {
        var problem = ThreeTenCentJobs(budget: 0.299999m);

        var result = CreateSut().SolveDetailed(problem);

        PlanChecks.AssertHold(problem, result.Plan, "a millionth short");
        var unplaced = Assert.Single(result.Plan.Unplaced);
        Assert.Equal(("j0", RejectReason.Budget), (unplaced.Job.Id.Value, unplaced.Reason));
        Assert.True(result.ProvenOptimal);
    }

    /// <summary>Three jobs of 10 cents each (one node at $0.05/h for 2 hours), the first the least important.</summary>
    private static PlacementProblem ThreeTenCentJobs(decimal budget)
    {
        var fleets = Fleets.Make().Cluster("eu", "aws:eu-central-1").Pool("c-16", null, 0, CapacityType.OnDemand, 0.05m, 3);
        var jobs = new[] { 0, 2, 1 }.Select(priority => JobSpecs.Cpu($"p{priority}", 4).Priority(priority).Obj());
        return Problems.Of(fleets, jobs, budgets: new Dictionary<string, Money> { ["team-a"] = Money.Of(budget) });
    }

    private static ExactSolver CreateSut() => new();
}
