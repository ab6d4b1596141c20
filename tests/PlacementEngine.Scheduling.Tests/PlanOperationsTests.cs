using PlacementEngine.Core;
using PlacementEngine.TestKit;

namespace PlacementEngine.Scheduling.Tests;

public sealed class PlanOperationsTests
{
    private const string Cheap = "c/g4dn.xlarge/spot";
    private const string Dear = "c/p3.2xlarge/on-demand";

    /// <summary>One node at $1/h, one at $3/h: contention shows after a single job.</summary>
    private static Fleets TwoSingleNodePools() => Fleets.Make()
        .Cluster("c", "aws:us-east-1")
            .Pool("g4dn.xlarge", "T4", 1, CapacityType.Spot, 1m, 1)
            .Pool("p3.2xlarge", "V100", 1, CapacityType.OnDemand, 3m, 1);

    private static JobSpec OneGpu(string name, int priority = 0) => JobSpecs.Gpu(name, 1).Hours(2).Priority(priority).Obj();

    [Fact]
    public async Task Plan_NoPoolHasAPrice_ReasonSaysNoPriceRatherThanBlamingTheGpuModel()
    {
        var noPrices = new StaticPriceSource(new PriceBook(1, new Dictionary<PriceKey, Money>()));
        using var harness = new SchedulerHarness(TwoSingleNodePools(), prices: noPrices);

        var plan = await PlanOperationsSupport.CreateSut(harness).PlanAsync(JobSpecs.Gpu("t4-job", 1, "T4").Hours(1).Obj());

        var job = Assert.Single(plan.Jobs);
        Assert.False(job.Placed);
        Assert.Equal(RejectReason.NoPrice, job.PendingReason);
        Assert.Contains("none of the 2 pools has a price", job.PendingDetail, StringComparison.Ordinal);
        Assert.StartsWith("pending (no-price): ", job.Explanation.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_EmptyFleetUse_PlacesOnCheapestPoolWithCostAndExplanation()
    {
        using var harness = new SchedulerHarness(TwoSingleNodePools());

        var plan = await PlanOperationsSupport.CreateSut(harness).PlanAsync(OneGpu("what-if"));

        var job = Assert.Single(plan.Jobs);
        Assert.True(job.Placed);
        Assert.Equal(Cheap, job.Chosen!.Pool.Name);
        Assert.Null(job.PendingReason);
        Assert.Equal(Money.Of(2m), job.Chosen.Cost!.Compute); // 1 node x $1/h x 2h
        Assert.Equal(job.Chosen.Cost.Total, plan.TotalCost);
        Assert.Equal("greedy", plan.Solver);
        Assert.StartsWith($"placed on {Cheap}", job.Explanation.Summary, StringComparison.Ordinal);
        Assert.Equal([Cheap, Dear], job.Explanation.Candidates.Select(c => c.Pool.Name));
    }

    [Fact]
    public async Task Plan_PoolFilledByPlacedJob_IsNotOfferedAndShowsCapacity()
    {
        using var harness = new SchedulerHarness(TwoSingleNodePools());
        await harness.SubmitAsync(OneGpu("real"));
        await harness.CycleAndDispatchAsync();

        var plan = await PlanOperationsSupport.CreateSut(harness).PlanAsync(OneGpu("what-if"));

        var job = Assert.Single(plan.Jobs);
        Assert.Equal(Dear, job.Chosen!.Pool.Name);
        var cheap = job.Explanation.Candidates.Single(c => c.Pool.Name == Cheap);
        Assert.Equal(RejectReason.Capacity, cheap.Rejection);
        Assert.Contains("1 cheaper pools were ruled out", job.Explanation.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_WhatIfJobsContend_EachTakesTheNextPoolAndTheLastWaitsForCapacity()
    {
        using var harness = new SchedulerHarness(TwoSingleNodePools());

        var plan = await PlanOperationsSupport.CreateSut(harness).PlanAsync(OneGpu("a"), OneGpu("b"), OneGpu("c"));

        Assert.Equal([0, 1, 2], plan.Jobs.Select(j => j.Index));
        Assert.Equal(Cheap, plan.Jobs[0].Chosen!.Pool.Name);
        Assert.Equal(Dear, plan.Jobs[1].Chosen!.Pool.Name);
        var waiting = plan.Jobs[2];
        Assert.False(waiting.Placed);
        Assert.Equal(RejectReason.Capacity, waiting.PendingReason);
        Assert.StartsWith("pending (capacity)", waiting.Explanation.Summary, StringComparison.Ordinal);
        Assert.All(waiting.Explanation.Candidates, c => Assert.Equal(RejectReason.Capacity, c.Rejection));
        Assert.NotEmpty(waiting.Explanation.WhatWouldFit);
        Assert.Equal(plan.Jobs[0].Chosen!.Cost!.Total + plan.Jobs[1].Chosen!.Cost!.Total, plan.TotalCost);
    }

    [Fact]
    public async Task Plan_HigherPriorityWhatIfJob_TakesTheCheapPoolFromAnEarlierOne()
    {
        using var harness = new SchedulerHarness(TwoSingleNodePools());

        var plan = await PlanOperationsSupport.CreateSut(harness).PlanAsync(OneGpu("low"), OneGpu("high", priority: 500));

        Assert.Equal(Dear, plan.Jobs[0].Chosen!.Pool.Name);
        Assert.Equal(Cheap, plan.Jobs[1].Chosen!.Pool.Name);
    }

    [Fact]
    public async Task Plan_RealPendingJob_ComesFirstAndTakesTheCheapPool()
    {
        using var harness = new SchedulerHarness(TwoSingleNodePools());
        var real = await harness.SubmitAsync(OneGpu("real"));
        var solvers = new RecordingSolverSelector();

        var plan = await PlanOperationsSupport.CreateSut(harness, solvers: solvers).PlanAsync(OneGpu("what-if"));

        Assert.Equal(Dear, Assert.Single(plan.Jobs).Chosen!.Pool.Name);
        Assert.Equal(real.Id, solvers.Problem!.Jobs[0].Id);
        Assert.Equal(2, solvers.Problem.Jobs.Count);
        Assert.Equal("what-if", solvers.Problem.Jobs[1].Spec.Name);
    }

    [Fact]
    public async Task Plan_TeamBudgetTooSmall_WaitsForBudget()
    {
        using var harness = new SchedulerHarness(TwoSingleNodePools());
        var budgets = new Dictionary<string, Money> { ["team-a"] = Money.Of(0.5m) };

        var plan = await PlanOperationsSupport.CreateSut(harness, budgets).PlanAsync(OneGpu("what-if"));

        Assert.Equal(RejectReason.Budget, Assert.Single(plan.Jobs).PendingReason);
        Assert.Equal(Money.Zero, plan.TotalCost);
    }

    [Fact]
    public async Task Plan_BudgetForOneJob_SecondWhatIfJobWaitsForTheBudgetTheFirstSpends()
    {
        // On-demand, so each job costs exactly 1 node x $1/h x 2h = $2.
        using var harness = new SchedulerHarness(Fleets.Make().Cluster("c", "aws:us-east-1").Pool("g4dn.xlarge", "T4", 1, CapacityType.OnDemand, 1m, 2));
        var budgets = new Dictionary<string, Money> { ["team-a"] = Money.Of(3m) };

        var plan = await PlanOperationsSupport.CreateSut(harness, budgets).PlanAsync(OneGpu("a"), OneGpu("b"));

        Assert.True(plan.Jobs[0].Placed);
        var waiting = plan.Jobs[1];
        Assert.Equal(RejectReason.Budget, waiting.PendingReason);
        Assert.Equal(RejectReason.Budget, Assert.Single(waiting.Explanation.Candidates).Rejection);
        Assert.Contains("$1 left", waiting.Explanation.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_StoresNothing_JobsStatesAndUsedNodesUnchanged()
    {
        using var harness = new SchedulerHarness(TwoSingleNodePools());
        var placed = await harness.SubmitAsync(OneGpu("placed"));
        await harness.CycleAndDispatchAsync();
        var pending = await harness.SubmitAsync(OneGpu("pending"));
        var jobsBefore = await AllJobsAsync(harness);
        var usedBefore = await harness.Store.GetUsedNodesAsync(default);
        var transitionsBefore = (await harness.Store.GetTransitionsAsync(pending.Id, default)).Count;

        var plan = await PlanOperationsSupport.CreateSut(harness).PlanAsync(OneGpu("a"), OneGpu("b"));

        Assert.Equal(2, plan.Jobs.Count);
        var jobsAfter = await AllJobsAsync(harness);
        Assert.Equal(jobsBefore.Count, jobsAfter.Count);
        Assert.Equal(jobsBefore.Select(j => (j.Id, j.State, j.Version)), jobsAfter.Select(j => (j.Id, j.State, j.Version)));
        Assert.Equal(usedBefore.OrderBy(u => u.Key), (await harness.Store.GetUsedNodesAsync(default)).OrderBy(u => u.Key));
        Assert.Equal(transitionsBefore, (await harness.Store.GetTransitionsAsync(pending.Id, default)).Count);
        Assert.Equal(JobState.Dispatched, (await harness.GetAsync(placed)).State);
    }

    private static async Task<List<Job>> AllJobsAsync(SchedulerHarness harness) =>
        [.. (await harness.Store.ListAsync(new JobQuery(null, [], 1000, ""), default)).Jobs.OrderBy(j => j.Id.Value, StringComparer.Ordinal)];
}
