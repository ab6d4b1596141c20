using PlacementEngine.Core;
using PlacementEngine.Scheduling;
using PlacementEngine.TestKit;

namespace PlacementEngine.Scheduling.Tests;

public sealed class SchedulingCycleTests
{
    private static Fleets TwoRegions() => Fleets.Make()
        .Cluster("gke-euw4", "gcp:europe-west4")
            .Pool("a2-highgpu-8g", "A100", 8, CapacityType.OnDemand, 29.39m, 2)
            .Pool("a2-highgpu-8g", "A100", 8, CapacityType.Spot, 11.86m, 1)
        .Cluster("aws-use1", "aws:us-east-1")
            .Pool("p4d.24xlarge", "A100", 8, CapacityType.OnDemand, 21.96m, 2)
            .Pool("g4dn.xlarge", "T4", 1, CapacityType.Spot, 0.16m, 4);

    [Fact]
    public async Task RunOnce_EuJob_PlacedOnCheapestEuPoolAndFollowedToSuccess()
    {
        using var harness = new SchedulerHarness(TwoRegions());
        var job = await harness.SubmitAsync(JobSpecs.Gpu("train", 8, "A100").InEu().Policy(CapacityPolicy.OnDemandOnly).Hours(2).Obj());

        var result = await harness.CycleAndDispatchAsync();

        var placed = await harness.GetAsync(job);
        Assert.Equal(1, result.Placed);
        Assert.Equal(JobState.Dispatched, placed.State);
        Assert.Equal("gke-euw4/a2-highgpu-8g/on-demand", placed.Placement!.Pool);
        Assert.Equal(1, placed.Attempt);

        await harness.AdvanceAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(JobState.Running, (await harness.GetAsync(job)).State);
        await harness.AdvanceAsync(TimeSpan.FromHours(2));
        Assert.Equal(JobState.Succeeded, (await harness.GetAsync(job)).State);

        var spend = Assert.Single(await harness.Store.GetSpendAsync(default));
        Assert.Equal(Money.Of(29.39m * 2), spend.Dollars);
        Assert.Equal(CapacityType.OnDemand, spend.CapacityType);
        var states = (await harness.Store.GetTransitionsAsync(job.Id, default)).Select(t => t.To);
        Assert.Equal([JobState.Pending, JobState.Placed, JobState.Dispatched, JobState.Running, JobState.Succeeded], states);
    }

    [Fact]
    public async Task RunOnce_MoreDemandThanNodes_NeverOverCommitsAndLeavesRestPending()
    {
        using var harness = new SchedulerHarness(TwoRegions());
        var jobs = new List<Job>();
        for (var i = 0; i < 5; i++)
        {
            jobs.Add(await harness.SubmitAsync(JobSpecs.Gpu($"train-{i}", 8, "A100").InEu().Obj()));
        }

        var result = await harness.CycleAndDispatchAsync();

        Assert.Equal(3, result.Placed); // 2 on-demand + 1 spot node in the EU
        var used = await harness.Store.GetUsedNodesAsync(default);
        Assert.Equal(2, used["gke-euw4/a2-highgpu-8g/on-demand"]);
        Assert.Equal(1, used["gke-euw4/a2-highgpu-8g/spot"]);
        Assert.Equal(2, (await harness.Store.GetByStatesAsync([JobState.Pending], default)).Count);
        Assert.Equal(2, result.PendingByReason["capacity"]);
    }

    [Fact]
    public async Task RunOnce_FinishedJobFreesCapacity_WaitingJobPlacedNextCycle()
    {
        using var harness = new SchedulerHarness(Fleets.Make().Cluster("c", "aws:us-east-1").Pool("g4dn.xlarge", "T4", 1, CapacityType.OnDemand, 0.5m, 1));
        var first = await harness.SubmitAsync(JobSpecs.Gpu("a", 1).Hours(1).Obj());
        harness.Time.Advance(TimeSpan.FromSeconds(1)); // arrival order decides between equal priorities
        var second = await harness.SubmitAsync(JobSpecs.Gpu("b", 1).Hours(1).Obj());
        await harness.CycleAndDispatchAsync();
        Assert.Equal(JobState.Pending, (await harness.GetAsync(second)).State);

        await harness.AdvanceAsync(TimeSpan.FromHours(2));
        await harness.CycleAndDispatchAsync();

        Assert.Equal(JobState.Succeeded, (await harness.GetAsync(first)).State);
        Assert.Equal(JobState.Dispatched, (await harness.GetAsync(second)).State);
    }

    [Fact]
    public async Task RunOnce_NoEligiblePool_UnschedulableThenLookedAtAgainWhenFleetChanges()
    {
        var fleets = Fleets.Make().Cluster("euw4", "gcp:europe-west4", healthy: true).Pool("n1-t4", "T4", 1, CapacityType.Spot, 0.2m, 2);
        using var harness = new SchedulerHarness(fleets);
        var job = await harness.SubmitAsync(JobSpecs.Gpu("h100-job", 8, "H100").Obj());

        await harness.CycleAndDispatchAsync();
        var stuck = await harness.GetAsync(job);
        Assert.Equal(JobState.Unschedulable, stuck.State);
        Assert.StartsWith("gpu-model", stuck.StateReason, StringComparison.Ordinal);

        harness.Fleet.SetHealth("euw4", healthy: false);
        await harness.CycleAndDispatchAsync();

        var transitions = await harness.Store.GetTransitionsAsync(job.Id, default);
        Assert.Contains(transitions, t => t.From == JobState.Unschedulable && t.To == JobState.Pending);
    }

    [Fact]
    public async Task SpotReclaim_PreemptsRequeuesAndNextAttemptAvoidsTheReclaimedPool()
    {
        using var harness = new SchedulerHarness(TwoRegions());
        var job = await harness.SubmitAsync(JobSpecs.Gpu("t4", 1, "T4").Hours(3).Obj());
        await harness.CycleAndDispatchAsync();
        await harness.AdvanceAsync(TimeSpan.FromMinutes(1));
        var running = await harness.GetAsync(job);
        Assert.Equal("aws-use1/g4dn.xlarge/spot", running.Placement!.Pool);

        harness.Simulated["aws-use1"].Reclaim(job.Id, running.Attempt);
        await harness.AdvanceAsync(TimeSpan.Zero);

        var requeued = await harness.GetAsync(job);
        Assert.Equal(JobState.Pending, requeued.State);
        Assert.Contains("aws-use1/g4dn.xlarge/spot", requeued.BlockedPools);
        Assert.Contains("preempted:aws-use1:aws-use1/g4dn.xlarge/spot", harness.Telemetry.Events);
        var transitions = (await harness.Store.GetTransitionsAsync(job.Id, default)).Select(t => t.To).ToList();
        Assert.Equal([JobState.Preempted, JobState.Pending], transitions.TakeLast(2));

        await harness.CycleAndDispatchAsync();
        var second = await harness.GetAsync(job);
        // The only T4 pool is blocked for this job now: it waits rather than going back to the pool that reclaimed it.
        Assert.NotEqual(JobState.Placed, second.State);
        Assert.NotEqual("aws-use1/g4dn.xlarge/spot", second.Placement?.Pool);
    }

    [Fact]
    public async Task ClusterDown_AfterThresholdFailedChecks_JobsFailOverWithinTheirJurisdiction()
    {
        var fleets = Fleets.Make()
            .Cluster("gke-euw4", "gcp:europe-west4").Pool("a2-highgpu-8g", "A100", 8, CapacityType.OnDemand, 20m, 1)
            .Cluster("azure-weu", "azure:westeurope").Pool("nd96asr", "A100", 8, CapacityType.OnDemand, 27m, 1)
            .Cluster("aws-use1", "aws:us-east-1").Pool("p4d.24xlarge", "A100", 8, CapacityType.OnDemand, 5m, 1);
        var down = new FlakyExecutor("gke-euw4");
        using var harness = new SchedulerHarness(fleets, executorFor: name => name == "gke-euw4" ? down : null!);
        var job = await harness.SubmitAsync(JobSpecs.Gpu("eu", 8, "A100").InEu().Obj());
        await harness.CycleAndDispatchAsync();
        Assert.Equal("gke-euw4", (await harness.GetAsync(job)).Placement!.Cluster);

        down.Healthy = false;
        await harness.DispatcherOf("gke-euw4").CheckHealthOnceAsync(default);
        Assert.Equal(JobState.Dispatched, (await harness.GetAsync(job)).State);
        await harness.DispatcherOf("gke-euw4").CheckHealthOnceAsync(default);

        Assert.Equal(JobState.Pending, (await harness.GetAsync(job)).State);
        Assert.False(harness.Fleet.Current.GetCluster("gke-euw4").Healthy);
        await harness.CycleAndDispatchAsync();
        var moved = await harness.GetAsync(job);
        Assert.Equal("azure-weu", moved.Placement!.Cluster); // not the cheaper US pool: residency still holds
        Assert.Equal(2, moved.Attempt);
    }

    [Fact]
    public async Task RunOnce_TeamBudget_JobCostingMoreThanLeftWaitsWithBudgetReason()
    {
        var budgets = new Dictionary<string, Money> { ["team-a"] = Money.Of(10m) };
        using var harness = new SchedulerHarness(TwoRegions(), budgets);
        var job = await harness.SubmitAsync(JobSpecs.Gpu("big", 8, "A100").Policy(CapacityPolicy.OnDemandOnly).Hours(1).Obj());

        var result = await harness.CycleAndDispatchAsync();

        Assert.Equal(0, result.Placed);
        Assert.Equal(JobState.Pending, (await harness.GetAsync(job)).State);
        Assert.Equal(1, result.PendingByReason["budget"]);
    }

    [Fact]
    public async Task RunOnce_FirstStoredPriceBookReplacesFallbackVersionZero_RequeueNamesThePriceBook()
    {
        var fleets = Fleets.Make().Cluster("c", "aws:us-east-1").Pool("g4dn.xlarge", "T4", 1, CapacityType.OnDemand, 5m, 2);
        var prices = new SwitchablePriceSource(fleets.Prices(version: 0));
        using var harness = new SchedulerHarness(fleets, prices: prices);
        var job = await harness.SubmitAsync(JobSpecs.Gpu("capped", 1).MaxHourly(1m).Obj());
        await harness.CycleAndDispatchAsync();
        Assert.Equal(JobState.Unschedulable, (await harness.GetAsync(job)).State);

        prices.Active = Fleets.Make().Cluster("c", "aws:us-east-1").Pool("g4dn.xlarge", "T4", 1, CapacityType.OnDemand, 0.5m, 2).Prices(version: 1);
        await harness.CycleAndDispatchAsync();

        var transitions = await harness.Store.GetTransitionsAsync(job.Id, default);
        Assert.Contains(transitions, t => t.From == JobState.Unschedulable && t.To == JobState.Pending && t.Reason == "looked at again: price book 1 is active");
        Assert.Equal(JobState.Dispatched, (await harness.GetAsync(job)).State);
    }
}

internal sealed class FlakyExecutor(string cluster) : IClusterExecutor
{
    public bool Healthy { get; set; } = true;
    public string Cluster => cluster;
    public bool IsSimulated => false;

    public Task<DispatchOutcome> DispatchAsync(DispatchRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(DispatchOutcome.Ok(DispatchNames.For(request.JobId, request.Attempt)));

    public Task CancelAsync(JobId job, int attempt, CancellationToken cancellationToken) => Task.CompletedTask;

    public async IAsyncEnumerable<ExecutionUpdate> WatchAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        yield break;
    }

    public Task<bool> CheckHealthAsync(CancellationToken cancellationToken) => Task.FromResult(Healthy);
}

internal sealed class SwitchablePriceSource(PriceBook initial) : IPriceSource
{
    public PriceBook Active { get; set; } = initial;

    public Task RefreshAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
