using PlacementEngine.Core;
using PlacementEngine.TestKit;

namespace PlacementEngine.Core.Tests.Placement.Fast;

public sealed class TeamKnapsackTests
{
    // Two nodes at a third of the price of the other five: a team's money buys three times the work on them.
    private static Fleets CheapAndDear() => Fleets.Make().Cluster("c", "aws:us-east-1")
        .Pool("cheap-a100-8", "A100", 8, CapacityType.OnDemand, 10m, 2)
        .Pool("dear-a100-8", "A100", 8, CapacityType.OnDemand, 30m, 5);

    private static PreparedProblem Prepare(decimal? budget)
    {
        var jobs = Enumerable.Range(0, 3)
            .Select(i => new PendingJob(new JobId($"j{i}"), JobSpecs.Gpu($"j{i}", 8).Team("t").Obj(), new HashSet<string>(), 1)).ToList();
        var fleets = CheapAndDear();
        var budgets = budget is { } b ? new Dictionary<string, Money> { ["t"] = Money.Of(b) } : new Dictionary<string, Money>();
        var problem = new PlacementProblem(jobs, fleets.Fleet(), fleets.Prices(), new Dictionary<string, int>(), budgets,
            new Dictionary<(string, string), int>());
        return PreparedProblem.Prepare(problem, FleetIndex.Build(problem.Fleet, problem.Prices));
    }

    private static int PoolIndex(PreparedProblem prepared, string instanceType) =>
        prepared.Index.TryGetPoolIndex($"c/{instanceType}/{CapacityType.OnDemand.ToWire()}", out var pool) ? pool : throw new ArgumentException(instanceType);

    private static TeamKnapsack Knapsack(PreparedProblem prepared)
    {
        var lists = prepared.Jobs.Select(j => new CandidateGenerator(prepared.Empty).Cheapest(j, 3)).ToArray();
        return new TeamKnapsack(prepared, new PrimalHeuristic(prepared, lists));
    }

    [Fact]
    public void Improve_TeamSpentItsMoneyOnTheDearPool_BuysTwoJobsOnTheCheapOneWithinBudget()
    {
        var probe = Prepare(null);
        var cheap = probe.Jobs[0].Cost(PoolIndex(probe, "cheap-a100-8"));
        var dear = probe.Jobs[0].Cost(PoolIndex(probe, "dear-a100-8"));
        // Money for one job on the dear pool and a little more: not for a second anywhere once that one is there.
        var prepared = Prepare(dear + (cheap / 2));
        var plan = new FastSolution(prepared);
        plan.Place(0, PoolIndex(prepared, "dear-a100-8"), dear);
        var before = plan.Objective;

        var repaired = Knapsack(prepared).Improve(plan);

        Assert.Equal(2, repaired.PoolOf.Count(p => p == PoolIndex(prepared, "cheap-a100-8")));
        Assert.Equal(2, repaired.PoolOf.Count(p => p >= 0));
        Assert.True(repaired.Ledger.BudgetLeft[0] >= 0m, $"budget overspent by {-repaired.Ledger.BudgetLeft[0]}");
        Assert.Equal((2 * cheap) + prepared.Penalty[2], repaired.Objective);
        Assert.Equal(before, plan.Objective);
    }

    [Fact]
    public void Improve_TeamWithMoneyForEveryJob_KeepsThePlan()
    {
        var prepared = Prepare(1_000_000m);
        var plan = new FastSolution(prepared);
        plan.Place(0, PoolIndex(prepared, "dear-a100-8"), prepared.Jobs[0].Cost(PoolIndex(prepared, "dear-a100-8")));

        Assert.Same(plan, Knapsack(prepared).Improve(plan));
    }
}
