using PlacementEngine.Core;
using PlacementEngine.Scheduling;
using PlacementEngine.TestKit;

namespace PlacementEngine.Grains.Tests;

public sealed class SchedulerGrainTests : GrainClusterTests
{
    [Fact]
    public async Task RunCycle_AfterASubmission_PlacesTheJob()
    {
        var job = await Grains.SubmitAsync();

        await Grains.Scheduler.RunCycleAsync();

        var stored = await Grains.StoredAsync(job.Id);
        Assert.Contains(stored.State, new[] { JobState.Placed, JobState.Dispatched });
        Assert.Equal(GrainCluster.ClusterName, stored.Placement?.Cluster);
    }

    [Fact]
    public async Task Submit_SameTeamAndKeyTwice_AnswersTheFirstJob()
    {
        var first = await Grains.Jobs.SubmitAsync(GrainCluster.Draft(), "nightly-1", default);
        var again = await Grains.Jobs.SubmitAsync(GrainCluster.Draft(), "nightly-1", default);

        Assert.Equal(SubmitResultKind.Created, first.Kind);
        Assert.Equal(SubmitResultKind.Existing, again.Kind);
        Assert.Equal(first.Job!.Id, again.Job!.Id);
        var listed = await Grains.Store.ListAsync(new JobQuery(null, [], 10, ""), default);
        Assert.Single(listed.Jobs);
    }

    [Fact]
    public async Task Submit_SameKeyOtherSpec_IsAKeyConflict()
    {
        await Grains.Jobs.SubmitAsync(GrainCluster.Draft(), "nightly-2", default);

        var other = await Grains.Jobs.SubmitAsync(GrainCluster.Draft("other"), "nightly-2", default);

        Assert.Equal(SubmitResultKind.KeyConflict, other.Kind);
    }

    /// <summary>
    /// Two activations of the scheduler at once (Orleans does not promise one during membership changes) run two
    /// cycles on one store: the store's capacity check keeps the two-node pool at two placed jobs.
    /// </summary>
    [Fact]
    public async Task TwoCyclesAtOnce_OnOneStore_NeverOverCommitAPool()
    {
        var store = new InMemoryJobStore();
        var fleets = GrainCluster.Fleet();
        var time = TimeProvider.System;
        var writer = new JobWriter(store, new JobEventHub(), time);
        for (var i = 0; i < 6; i++)
        {
            var spec = JobSpecs.Gpu($"train-{i}", 1, "A100").Obj();
            await store.SubmitAsync(Job.New(new JobId($"job{i}"), spec, $"key-{i}", time.GetUtcNow()), SpecFingerprint.Of(spec), default);
        }
        SchedulingCycle Activation()
        {
            var fleet = new FleetState(fleets.Fleet());
            var prices = new StaticPriceSource(fleets.Prices());
            var problems = new ProblemBuilder(store, fleet, prices, new StaticBudgetSource(new Dictionary<string, Money>()));
            return new SchedulingCycle(store, writer, problems, new SingleSolver(new GreedySolver()), fleet, prices, new Dispatchers([]), new NoTelemetry(), time);
        }

        var results = await Task.WhenAll(Activation().RunOnceAsync(default), Activation().RunOnceAsync(default));

        var placed = await store.GetByStatesAsync([JobState.Placed], default);
        Assert.Equal(2, placed.Count);
        Assert.Equal(2, results.Sum(r => r.Placed));
    }
}
