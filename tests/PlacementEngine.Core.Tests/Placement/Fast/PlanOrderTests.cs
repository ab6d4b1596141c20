using PlacementEngine.Core;
using PlacementEngine.TestKit;

namespace PlacementEngine.Core.Tests.Placement.Fast;

public sealed class PlanOrderTests
{
    /// <summary>
    /// One cheap seat and one dear one; a job without a budget and a job of a team that can pay for the cheap seat
    /// only, both of one priority. Under a surcharge on the team's dollars, by worth the free job goes first (its
    /// dollars count less), takes the cheap seat and leaves the team's job nothing it can pay for. By regret the
    /// team's job goes first, since the dear seat costs it more, and both run.
    /// </summary>
    private static (PreparedProblem Prepared, CandidateList[] Lists, DualPrices Duals) CheapSeatContested()
    {
        var fleets = Fleets.Make()
            .Cluster("cheap", "aws:us-east-1").Pool("g-a100-8", "A100", 8, CapacityType.OnDemand, 10m, 1)
            .Cluster("dear", "aws:us-west-2").Pool("g-a100-8", "A100", 8, CapacityType.OnDemand, 30m, 1);
        var jobs = new[]
        {
            new PendingJob(new JobId("free"), JobSpecs.Gpu("free", 8).Team("other").Hours(1).Priority(5).Obj(), new HashSet<string>(), 1),
            new PendingJob(new JobId("bound"), JobSpecs.Gpu("bound", 8).Team("t").Hours(1).Priority(5).Obj(), new HashSet<string>(), 1),
        };
        var problem = new PlacementProblem(jobs, fleets.Fleet(), fleets.Prices(), new Dictionary<string, int>(),
            new Dictionary<string, Money> { ["t"] = Money.Of(15m) }, new Dictionary<(string, string), int>());
        var prepared = PreparedProblem.Prepare(problem, FleetIndex.Build(problem.Fleet, problem.Prices));
        var lists = prepared.Jobs.Select(j => new CandidateGenerator(prepared.Empty).Cheapest(j, 3)).ToArray();
        var duals = new DualPrices(prepared.Index, prepared.LimitedTeams.Length);
        duals.Team[0] = 1d;
        duals.Refresh();
        return (prepared, lists, duals);
    }

    [Fact]
    public void Build_ByWorth_TheJobWithoutBudgetTakesTheCheapSeatAndTheTeamsJobWaits()
    {
        var (prepared, lists, duals) = CheapSeatContested();

        var plan = new PrimalHeuristic(prepared, lists).Build(duals, new CandidateTable(prepared, lists), PlanOrder.Worth);

        Assert.True(plan.IsPlaced(0));
        Assert.False(plan.IsPlaced(1));
    }

    [Fact]
    public void Build_ByRegret_TheTeamsJobTakesTheCheapSeatAndBothRun()
    {
        var (prepared, lists, duals) = CheapSeatContested();

        var plan = new PrimalHeuristic(prepared, lists).Build(duals, new CandidateTable(prepared, lists), PlanOrder.Regret);

        Assert.True(plan.IsPlaced(0) && plan.IsPlaced(1), "both jobs should run");
        Assert.True(plan.CostOf[1] <= 15m, $"the team's job costs {plan.CostOf[1]}, over its budget of 15");
    }
}
