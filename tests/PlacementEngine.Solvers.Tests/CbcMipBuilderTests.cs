using PlacementEngine.Core;
using PlacementEngine.Solvers.Cbc;
using PlacementEngine.Solvers.Tests.Support;
using PlacementEngine.TestKit;

namespace PlacementEngine.Solvers.Tests;

public sealed class CbcMipBuilderTests
{
    [Fact]
    public void Build_Columns_OneForEachEligiblePoolThatFitsOnItsOwn()
    {
        // The US pool has no free node left; the H100 job has no eligible pool at all.
        var problem = Problems.Of(Problems.EuAndUs(1m, 2, 1m, 1), [Problems.Training("a").Obj(), JobSpecs.Gpu("h100", 8, "H100").Obj()],
            usedNodes: new Dictionary<string, int> { ["us/g-a100-8/on-demand"] = 1 });

        var mip = Build(problem);

        var column = Assert.Single(mip.Columns);
        Assert.Equal((0, "eu/g-a100-8/on-demand"), (column.Job, column.Candidate.Pool.Name));
    }

    [Fact]
    public void Build_Objective_IsCostMinusPendingPenaltyPlusEveryPenaltyAsConstant()
    {
        var problem = Problems.Of(Problems.EuAndUs(1m, 2, 3m, 2), [Problems.Training("a").Obj(), Problems.Training("b", priority: 2).Obj()]);
        var objective = ProblemObjective.For(problem);

        var mip = Build(problem);

        // Dearest candidate $6, so the penalty unit is $7: pending costs $7 for priority 0 and $21 for priority 2.
        Assert.Equal(Money.Of(7m), objective.PenaltyUnit);
        Assert.Equal(Money.Of(28m), mip.Constant);
        Assert.Equal([2 - 7, 6 - 7, 2 - 21, 6 - 21], mip.Columns.Select(c => c.Objective));
    }

    [Fact]
    public void Build_PlentyOfRoom_LeavesOutRowsThatCannotBind()
    {
        var problem = Problems.Of(Problems.EuAndUs(1m, 8, 1m, 8), [Problems.Training("a").Obj()],
            budgets: new Dictionary<string, Money> { ["team-a"] = Money.Of(1000m) });

        var mip = Build(problem);

        Assert.Equal([MipRowKind.OnePoolPerJob], mip.Rows.Select(r => r.Kind));
    }

    [Fact]
    public void Build_TightPoolsAndBudget_AddsARowPerBindingLimit()
    {
        var problem = Problems.Of(Problems.EuAndUs(1m, 1, 1m, 1), [Problems.Training("a").Obj(), Problems.Training("b").Obj()],
            budgets: new Dictionary<string, Money> { ["team-a"] = Money.Of(3m) });

        var mip = Build(problem);

        var eu = mip.Rows.Single(r => r.Kind == MipRowKind.PoolNodes && r.Subject == "eu/g-a100-8/on-demand");
        Assert.Equal([1.0, 1.0], eu.Coefficients);
        Assert.Equal(1.0, eu.UpperBound);
        var budget = mip.Rows.Single(r => r.Kind == MipRowKind.Budget);
        Assert.Equal([2.0, 2.0, 2.0, 2.0], budget.Coefficients);
        Assert.Equal(3.0000005, budget.UpperBound);
        Assert.Equal(2, mip.Rows.Count(r => r.Kind == MipRowKind.OnePoolPerJob));
    }

    [Fact]
    public void Build_GpuCap_CountsGpusAgainstWhatIsLeftOfTheCap()
    {
        var fleets = Fleets.Make()
            .Cluster("capped", "aws:us-east-1", gpuCaps: new Dictionary<string, int> { ["A100"] = 24 })
            .Pool("g-a100-8", "A100", 8, CapacityType.OnDemand, 1m, 4);
        var problem = Problems.Of(fleets, [Problems.Training("a").Obj(), Problems.Training("b").Obj()],
            gpusInUse: new Dictionary<(string, string), int> { [("capped", "A100")] = 16 });

        var mip = Build(problem);

        var cap = mip.Rows.Single(r => r.Kind == MipRowKind.GpuCap);
        Assert.Equal(("capped/A100", 8.0), (cap.Subject, cap.UpperBound));
        Assert.Equal([8.0, 8.0], cap.Coefficients);
    }

    private static PlacementMip Build(PlacementProblem problem) =>
        PlacementMipBuilder.Build(problem, problem.Jobs.Select(problem.CandidatesFor).ToList(), ProblemObjective.For(problem));
}
