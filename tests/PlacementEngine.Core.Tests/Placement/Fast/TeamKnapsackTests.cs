using PlacementEngine.Core;
using PlacementEngine.TestKit;

namespace PlacementEngine.Core.Tests.Placement.Fast;

public sealed class TeamKnapsackTests
{
    private const string Cheap = "cheap-a100-8";
    private const string Dear = "dear-a100-8";

    // One node at a third of the price of the two others.
    private static Fleets CheapAndDear() => Fleets.Make().Cluster("c", "aws:us-east-1")
        .Pool(Cheap, "A100", 8, CapacityType.OnDemand, 10m, 1)
        .Pool(Dear, "A100", 8, CapacityType.OnDemand, 30m, 2);

    private static PendingJob Job(string id, double hours, string team, int priority = 0) =>
        new(new JobId(id), JobSpecs.Gpu(id, 8).Hours(hours).Team(team).Priority(priority).Obj(), new HashSet<string>(), 1);

    private static PreparedProblem Prepare(IReadOnlyList<PendingJob> jobs, decimal budget)
    {
        var fleets = CheapAndDear();
        var problem = new PlacementProblem(jobs, fleets.Fleet(), fleets.Prices(), new Dictionary<string, int>(),
            new Dictionary<string, Money> { ["t"] = Money.Of(budget) }, new Dictionary<(string, string), int>());
        return PreparedProblem.Prepare(problem, FleetIndex.Build(problem.Fleet, problem.Prices));
    }

    private static int Pool(PreparedProblem prepared, string instanceType) =>
        prepared.Index.TryGetPoolIndex($"c/{instanceType}/{CapacityType.OnDemand.ToWire()}", out var pool) ? pool : throw new ArgumentException(instanceType);

    private static decimal Cost(PreparedProblem prepared, int job, string instanceType) => prepared.Jobs[job].Cost(Pool(prepared, instanceType));

    private static FastSolution Improve(PreparedProblem prepared, FastSolution plan)
    {
        var lists = prepared.Jobs.Select(j => new CandidateGenerator(prepared.Empty).Cheapest(j, 3)).ToArray();
        return new TeamKnapsack(prepared, new PrimalHeuristic(prepared, lists)).Improve(plan);
    }

    /// <summary>The team's money as <paramref name="budgetFor"/> says from the jobs' costs; job 0 on the dear pool, job 1 on the cheap one.</summary>
    private static (PreparedProblem Prepared, FastSolution Plan) Arrange(PendingJob[] jobs, Func<PreparedProblem, decimal> budgetFor)
    {
        var prepared = Prepare(jobs, budgetFor(Prepare(jobs, 0m)));
        var plan = new FastSolution(prepared);
        plan.Place(0, Pool(prepared, Dear), Cost(prepared, 0, Dear));
        plan.Place(1, Pool(prepared, Cheap), Cost(prepared, 1, Cheap));
        return (prepared, plan);
    }

    [Fact]
    public void Improve_LongJobOnTheDearPoolShortOneOnTheCheap_SwapsThemAndBuysThePendingJob()
    {
        var jobs = new[] { Job("long", 4, "t"), Job("short", 1, "t"), Job("pending", 1, "t") };
        // What the plan spends and a little more: not enough for the pending job until the long one runs cheap.
        var (prepared, plan) = Arrange(jobs, p => Cost(p, 0, Dear) + Cost(p, 1, Cheap) + 1m);
        var before = plan.Objective;

        var repaired = Improve(prepared, plan);

        Assert.Equal(Pool(prepared, Cheap), repaired.PoolOf[0]);
        Assert.All(repaired.PoolOf, p => Assert.True(p >= 0));
        Assert.True(repaired.Ledger.BudgetLeft[0] >= 0m, $"budget overspent by {-repaired.Ledger.BudgetLeft[0]}");
        Assert.Equal(repaired.CostOf.Sum(), repaired.Objective);
        Assert.Equal(before, plan.Objective);
    }

    [Fact]
    public void Improve_OtherTeamsJobOnTheCheapPool_TradesSeatsAndBuysThePendingJob()
    {
        var jobs = new[] { Job("mine", 2, "t"), Job("theirs", 2, "free"), Job("pending", 2, "t") };
        // Money for a dear and a cheap seat: the pending job, which only the dear pool has room for, fits once the
        // team's job takes the cheap seat.
        var (prepared, plan) = Arrange(jobs, p => Cost(p, 0, Dear) + Cost(p, 0, Cheap) + 1m);

        var repaired = Improve(prepared, plan);

        Assert.Equal(Pool(prepared, Cheap), repaired.PoolOf[0]);
        Assert.Equal(Pool(prepared, Dear), repaired.PoolOf[1]);
        Assert.Equal(Pool(prepared, Dear), repaired.PoolOf[2]);
        Assert.True(repaired.Ledger.BudgetLeft[0] >= 0m, $"budget overspent by {-repaired.Ledger.BudgetLeft[0]}");
        Assert.True(repaired.Objective < plan.Objective);
    }

    [Fact]
    public void Improve_FullFleetTeamOutOfMoney_StillTradesSeats()
    {
        // No pool has room for the team's pending job, but money keeps it out too: the repair runs (it used to need
        // room somewhere) and the team's long job takes the cheap seat, which lowers the plan's cost.
        var jobs = new[] { Job("mine", 4, "t"), Job("theirs", 2, "free"), Job("filler", 1, "free"), Job("wanted", 1, "t") };
        var (prepared, plan) = Arrange(jobs, p => Cost(p, 0, Dear) + 1m);
        plan.Place(2, Pool(prepared, Dear), Cost(prepared, 2, Dear));

        var repaired = Improve(prepared, plan);

        Assert.Equal(Pool(prepared, Cheap), repaired.PoolOf[0]);
        Assert.Equal(Pool(prepared, Dear), repaired.PoolOf[1]);
        Assert.False(repaired.IsPlaced(3));
        Assert.True(repaired.Objective < plan.Objective);
    }

    [Fact]
    public void Improve_PendingJobTheTeamCannotPayFor_IsPaidForByACheapJobOfLessPenalty()
    {
        // The dear pool has room for the important job; the team's money left pays for it only with what its cheap
        // job of no priority costs given back.
        var jobs = new[] { Job("cheap", 1, "t"), Job("important", 1, "t", priority: 1) };
        var costs = Prepare(jobs, 0m);
        var prepared = Prepare(jobs, Cost(costs, 0, Cheap) + Cost(costs, 1, Dear) - 5m);
        var plan = new FastSolution(prepared);
        plan.Place(0, Pool(prepared, Cheap), Cost(prepared, 0, Cheap));

        var repaired = Improve(prepared, plan);

        Assert.Equal(Pool(prepared, Dear), repaired.PoolOf[1]);
        Assert.False(repaired.IsPlaced(0));
        Assert.True(repaired.Ledger.BudgetLeft[0] >= 0m, $"budget overspent by {-repaired.Ledger.BudgetLeft[0]}");
        Assert.True(repaired.Objective < plan.Objective);
    }

    [Fact]
    public void Improve_PendingJobWorthLessThanTheJobsThatWouldPayForIt_KeepsThePlan()
    {
        var jobs = new[] { Job("placed", 1, "t", priority: 1), Job("wanted", 1, "t") };
        var costs = Prepare(jobs, 0m);
        var prepared = Prepare(jobs, Cost(costs, 0, Cheap) + Cost(costs, 1, Dear) - 5m);
        var plan = new FastSolution(prepared);
        plan.Place(0, Pool(prepared, Cheap), Cost(prepared, 0, Cheap));

        Assert.Same(plan, Improve(prepared, plan));
    }

    [Fact]
    public void Improve_TeamWithMoneyForEveryJob_KeepsThePlan()
    {
        var (prepared, plan) = Arrange([Job("long", 4, "t"), Job("short", 1, "t"), Job("pending", 1, "t")], _ => 1_000_000m);

        Assert.Same(plan, Improve(prepared, plan));
    }

    [Fact]
    public void Improve_FullFleetMoneySavedByATrade_BuysASeatFromAJobOfLessPenalty()
    {
        // As above, but the team's pending job has priority: with the money the trade saves it takes the seat of a job
        // of no priority, which waits. No pool has room for it, so only a taken seat places it.
        var jobs = new[] { Job("mine", 4, "t"), Job("theirs", 2, "free"), Job("filler", 1, "free"), Job("wanted", 1, "t", priority: 1) };
        var (prepared, plan) = Arrange(jobs, p => Cost(p, 0, Dear) + 1m);
        plan.Place(2, Pool(prepared, Dear), Cost(prepared, 2, Dear));

        var repaired = Improve(prepared, plan);

        Assert.True(repaired.IsPlaced(3));
        Assert.Equal(3, repaired.PoolOf.Count(p => p >= 0));
        Assert.True(repaired.Ledger.BudgetLeft[0] >= 0m, $"budget overspent by {-repaired.Ledger.BudgetLeft[0]}");
        Assert.True(repaired.Objective < plan.Objective);
    }

    [Fact]
    public void Improve_TwoOccupantsOfTheCheapPool_TradesWithTheOneWhoseCostRisesLeast()
    {
        // The cheap pool holds two jobs of the free team, a long one first; trading with it would cost the free team
        // four hours on the dear pool, with the short one only one. Either trade saves the team what pays for the
        // pending job on the dear pool's free node.
        var fleets = Fleets.Make().Cluster("c", "aws:us-east-1")
            .Pool(Cheap, "A100", 8, CapacityType.OnDemand, 10m, 2)
            .Pool(Dear, "A100", 8, CapacityType.OnDemand, 30m, 2);
        var jobs = new[] { Job("mine", 1, "t"), Job("long", 4, "free"), Job("short", 1, "free"), Job("wanted", 1, "t") };
        var problem = new PlacementProblem(jobs, fleets.Fleet(), fleets.Prices(), new Dictionary<string, int>(),
            new Dictionary<string, Money> { ["t"] = Money.Of(Cost(Prepare(jobs, 0m), 0, Dear) + Cost(Prepare(jobs, 0m), 3, Dear) - 5m) }, new Dictionary<(string, string), int>());
        var prepared = PreparedProblem.Prepare(problem, FleetIndex.Build(problem.Fleet, problem.Prices));
        var plan = new FastSolution(prepared);
        plan.Place(0, Pool(prepared, Dear), Cost(prepared, 0, Dear));
        plan.Place(1, Pool(prepared, Cheap), Cost(prepared, 1, Cheap));
        plan.Place(2, Pool(prepared, Cheap), Cost(prepared, 2, Cheap));

        var repaired = Improve(prepared, plan);

        Assert.Equal(Pool(prepared, Cheap), repaired.PoolOf[0]);
        Assert.Equal(Pool(prepared, Cheap), repaired.PoolOf[1]);
        Assert.Equal(Pool(prepared, Dear), repaired.PoolOf[2]);
        Assert.Equal(Pool(prepared, Dear), repaired.PoolOf[3]);
    }
}
