using PlacementEngine.Core;
using PlacementEngine.TestKit;

namespace PlacementEngine.Core.Tests.Placement.Fast;

public sealed class PendingEvictionTests
{
    private const string H100 = "h100-8";
    private const string A100 = "a100-8";
    private const string DearA100 = "dear-a100-8";
    private const string DearH100 = "dear-h100-8";

    // One node each: the H100 one cheapest, then the A100 one; a dear pool of one model at five times that price.
    private static Fleets Pools(string dear) => Fleets.Make().Cluster("c", "aws:us-east-1")
        .Pool(H100, "H100", 8, CapacityType.OnDemand, 5m, 1)
        .Pool(A100, "A100", 8, CapacityType.OnDemand, 10m, 1)
        .Pool(dear, dear == DearA100 ? "A100" : "H100", 8, CapacityType.OnDemand, 50m, 1);

    private static PendingJob Job(string id, double hours, string team, int priority, params string[] models) =>
        new(new JobId(id), JobSpecs.Gpu(id, 8, models).Hours(hours).Team(team).Priority(priority).Obj(), new HashSet<string>(), 1);

    private static PreparedProblem Prepare(IReadOnlyList<PendingJob> jobs, decimal budget, string dear = DearA100)
    {
        var fleets = Pools(dear);
        var problem = new PlacementProblem(jobs, fleets.Fleet(), fleets.Prices(), new Dictionary<string, int>(),
            new Dictionary<string, Money> { ["t"] = Money.Of(budget) }, new Dictionary<(string, string), int>());
        return PreparedProblem.Prepare(problem, FleetIndex.Build(problem.Fleet, problem.Prices));
    }

    private static int Pool(PreparedProblem prepared, string instanceType) =>
        prepared.Index.TryGetPoolIndex($"c/{instanceType}/{CapacityType.OnDemand.ToWire()}", out var pool) ? pool : throw new ArgumentException(instanceType);

    private static void Place(PreparedProblem prepared, FastSolution plan, int job, string instanceType) =>
        plan.Place(job, Pool(prepared, instanceType), prepared.Jobs[job].Cost(Pool(prepared, instanceType)));

    // Each job lists only its cheapest pool, as on a large fleet where the room left is far down the list.
    private static FastSolution LocallySearched(PreparedProblem prepared, FastSolution plan)
    {
        var lists = prepared.Jobs.Select(j => new CandidateGenerator(prepared.Empty).Cheapest(j, 1)).ToArray();
        var searched = plan.Clone();
        new LocalSearch(prepared, lists).Improve(searched, 1_000, CancellationToken.None);
        return searched;
    }

    [Fact]
    public void Improve_TeamOutOfMoney_ItsImportantJobTakesTheNodeAndMoneyOfItsCheapJobOffTheList()
    {
        // The team's cheap job holds the A100 node; the important job lists only the H100 node, held by a job of
        // more penalty, and the team's money left does not pay for it on the A100 node unless the cheap job waits.
        var jobs = new[] { Job("vip", 1, "other", 3, "H100"), Job("cheap", 1, "t", 0, "A100"), Job("important", 2, "t", 1) };
        var costs = Prepare(jobs, 0m);
        var spentOnCheap = costs.Jobs[1].Cost(Pool(costs, A100));
        var prepared = Prepare(jobs, spentOnCheap + (costs.Jobs[2].Cost(Pool(costs, A100)) - spentOnCheap / 2));
        var plan = new FastSolution(prepared);
        Place(prepared, plan, 0, H100);
        Place(prepared, plan, 1, A100);
        Assert.False(LocallySearched(prepared, plan).IsPlaced(2));

        var placed = new PendingEviction(prepared).Improve(plan);

        Assert.Equal(1, placed);
        Assert.Equal(Pool(prepared, A100), plan.PoolOf[2]);
        Assert.False(plan.IsPlaced(1));
        Assert.True(plan.Ledger.BudgetLeft[0] >= 0m, $"budget overspent by {-plan.Ledger.BudgetLeft[0]}");
    }

    [Fact]
    public void Improve_JobWithoutBudgetOnTheOnlyPoolOfAPendingOne_MovesToADearPoolOffItsList()
    {
        // The flexible job holds the A100 node and lists only the H100 one, held by a job of more penalty; the pending
        // job can use the A100 node alone. Moving the flexible job to the dear H100 pool costs less than the pending
        // job's penalty.
        var jobs = new[] { Job("vip", 1, "other", 3, "H100"), Job("flexible", 1, "free", 0, "A100", "H100"), Job("pending", 1, "free", 0, "A100") };
        var prepared = Prepare(jobs, 0m, DearH100);
        var plan = new FastSolution(prepared);
        Place(prepared, plan, 0, H100);
        Place(prepared, plan, 1, A100);
        Assert.False(LocallySearched(prepared, plan).IsPlaced(2));
        var before = plan.Objective;

        var placed = new PendingEviction(prepared).Improve(plan);

        Assert.Equal(1, placed);
        Assert.Equal(Pool(prepared, A100), plan.PoolOf[2]);
        Assert.Equal(Pool(prepared, DearH100), plan.PoolOf[1]);
        Assert.True(plan.Objective < before);
        Assert.Equal(plan.CostOf.Sum(), plan.Objective);
    }

    [Fact]
    public void Improve_PendingJobWorthNoMoreThanThoseItCouldDisplace_LeavesThePlan()
    {
        var jobs = new[] { Job("a", 1, "other", 0, "A100"), Job("b", 1, "t", 0, "A100"), Job("c", 2, "t", 0, "A100") };
        var prepared = Prepare(jobs, 1_000_000m);
        var plan = new FastSolution(prepared);
        Place(prepared, plan, 0, A100);
        Place(prepared, plan, 1, DearA100);
        var before = plan.Objective;

        Assert.Equal(0, new PendingEviction(prepared).Improve(plan));
        Assert.Equal(before, plan.Objective);
    }
}
