using PlacementEngine.Core;
using PlacementEngine.Solvers.OrTools;
using PlacementEngine.Solvers.Tests.Support;
using PlacementEngine.TestKit;

namespace PlacementEngine.Solvers.Tests;

public sealed class PlacementModelBuilderTests
{
    [Fact]
    public void Build_Columns_OneForEachEligiblePoolThatFitsOnItsOwn()
    {
        // The US pool has no free node left; the H100 job has no eligible pool at all.
        var problem = Problems.Of(Problems.EuAndUs(1m, 2, 1m, 1), [Problems.Training("a").Obj(), JobSpecs.Gpu("h100", 8, "H100").Obj()],
            usedNodes: new Dictionary<string, int> { ["us/g-a100-8/on-demand"] = 1 });

        var model = Build(problem);

        var column = Assert.Single(model.Columns);
        Assert.Equal((0, "eu/g-a100-8/on-demand"), (column.Job, column.Candidate.Pool.Name));
    }

    [Fact]
    public void Build_Objective_IsCostMinusPendingPenaltyPlusEveryPenaltyAsConstant()
    {
        var problem = Problems.Of(Problems.EuAndUs(1m, 2, 3m, 2), [Problems.Training("a").Obj(), Problems.Training("b", priority: 2).Obj()]);
        var objective = ProblemObjective.For(problem);

        var model = Build(problem);

        // Dearest candidate $6, so the penalty unit is $7: pending costs $7 for priority 0 and $21 for priority 2.
        Assert.Equal(Money.Of(7m), objective.PenaltyUnit);
        Assert.Equal(Money.Of(28m), model.Constant);
        Assert.Equal([2m - 7, 6m - 7, 2m - 21, 6m - 21], model.Columns.Select(c => c.Objective));
    }

    [Fact]
    public void Build_PlentyOfRoom_LeavesOutRowsThatCannotBind()
    {
        var problem = Problems.Of(Problems.EuAndUs(1m, 8, 1m, 8), [Problems.Training("a").Obj()],
            budgets: new Dictionary<string, Money> { ["team-a"] = Money.Of(1000m) });

        var model = Build(problem);

        Assert.Equal([ModelRowKind.OnePoolPerJob], model.Rows.Select(r => r.Kind));
    }

    [Fact]
    public void Build_TightPoolsAndBudget_AddsARowPerBindingLimit()
    {
        var problem = Problems.Of(Problems.EuAndUs(1m, 1, 1m, 1), [Problems.Training("a").Obj(), Problems.Training("b").Obj()],
            budgets: new Dictionary<string, Money> { ["team-a"] = Money.Of(3m) });

        var model = Build(problem);

        var eu = model.Rows.Single(r => r.Kind == ModelRowKind.PoolNodes && r.Subject == "eu/g-a100-8/on-demand");
        Assert.Equal([1m, 1m], eu.Coefficients);
        Assert.Equal(1m, eu.Capacity);
        var budget = model.Rows.Single(r => r.Kind == ModelRowKind.Budget);
        Assert.Equal([2m, 2m, 2m, 2m], budget.Coefficients);
        Assert.Equal(3m, budget.Capacity);
        Assert.Equal(2, model.Rows.Count(r => r.Kind == ModelRowKind.OnePoolPerJob));
    }

    [Fact]
    public void Build_GpuCap_CountsGpusAgainstWhatIsLeftOfTheCap()
    {
        var fleets = Fleets.Make()
            .Cluster("capped", "aws:us-east-1", gpuCaps: new Dictionary<string, int> { ["A100"] = 24 })
            .Pool("g-a100-8", "A100", 8, CapacityType.OnDemand, 1m, 4);
        var problem = Problems.Of(fleets, [Problems.Training("a").Obj(), Problems.Training("b").Obj()],
            gpusInUse: new Dictionary<(string, string), int> { [("capped", "A100")] = 16 });

        var model = Build(problem);

        var cap = model.Rows.Single(r => r.Kind == ModelRowKind.GpuCap);
        Assert.Equal(("capped/A100", 8m), (cap.Subject, cap.Capacity));
        Assert.Equal([8m, 8m], cap.Coefficients);
    }

    private static PlacementModel Build(PlacementProblem problem) =>
        PlacementModelBuilder.Build(problem, problem.Jobs.Select(problem.CandidatesFor).ToList(), ProblemObjective.For(problem));
}
