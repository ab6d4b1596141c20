using PlacementEngine.Core;
using PlacementEngine.Scheduling;
using PlacementEngine.TestKit;

namespace PlacementEngine.Scheduling.Tests;

public sealed class JobOperationsTests
{
    private static Fleets OnePool() => Fleets.Make().Cluster("c", "aws:us-east-1").Pool("g4dn.xlarge", "T4", 1, CapacityType.Spot, 0.16m, 4);

    [Fact]
    public async Task Submit_SameKeySameSpec_ReturnsTheSameJob()
    {
        using var harness = new SchedulerHarness(OnePool());
        var draft = Drafts.From(JobSpecs.Gpu("t", 1).Obj());

        var first = await harness.Jobs.SubmitAsync(draft, "key-1", default);
        var again = await harness.Jobs.SubmitAsync(draft with { }, "key-1", default);

        Assert.Equal(SubmitResultKind.Created, first.Kind);
        Assert.Equal(SubmitResultKind.Existing, again.Kind);
        Assert.Equal(first.Job!.Id, again.Job!.Id);
    }

    [Fact]
    public async Task Submit_SameKeyOtherSpec_IsAConflictAndStoresNothingNew()
    {
        using var harness = new SchedulerHarness(OnePool());
        await harness.Jobs.SubmitAsync(Drafts.From(JobSpecs.Gpu("t", 1).Obj()), "key-1", default);

        var other = await harness.Jobs.SubmitAsync(Drafts.From(JobSpecs.Gpu("t", 1).Hours(9).Obj()), "key-1", default);

        Assert.Equal(SubmitResultKind.KeyConflict, other.Kind);
        Assert.Single((await harness.Store.ListAsync(new JobQuery(null, [], 100, ""), default)).Jobs);
    }

    [Fact]
    public async Task Submit_Invalid_ReportsFieldsAndStoresNothing()
    {
        using var harness = new SchedulerHarness(OnePool());

        var result = await harness.Jobs.SubmitAsync(Drafts.From(JobSpecs.Gpu("t", 1).Obj()) with { Gpus = -1, Image = "" }, "k", default);

        Assert.Equal(SubmitResultKind.Invalid, result.Kind);
        Assert.Contains(result.Errors, e => e.Field == "spec.worker.gpus");
        Assert.Empty((await harness.Store.ListAsync(new JobQuery(null, [], 100, ""), default)).Jobs);
    }

    [Fact]
    public async Task Cancel_RunningJob_CancelsEndsAttemptAndFreesCapacity()
    {
        using var harness = new SchedulerHarness(OnePool());
        var job = await harness.SubmitAsync(JobSpecs.Gpu("t", 1).Hours(4).Obj());
        await harness.CycleAndDispatchAsync();
        await harness.AdvanceAsync(TimeSpan.FromMinutes(1)); // pods start: the fake clock fires a timer at the time advanced to
        await harness.AdvanceAsync(TimeSpan.FromHours(1));

        var result = await harness.Jobs.CancelAsync(job.Id, "not needed", default);

        Assert.Equal(CancelStatus.Cancelled, result.Status);
        Assert.Equal(JobState.Cancelled, result.Job!.State);
        Assert.Empty(await harness.Store.GetUsedNodesAsync(default));
        var spend = Assert.Single(await harness.Store.GetSpendAsync(default));
        Assert.True(spend.Dollars > Money.Zero);
        Assert.Equal(CancelStatus.AlreadyFinished, (await harness.Jobs.CancelAsync(job.Id, "", default)).Status);
        Assert.Equal(CancelStatus.NotFound, (await harness.Jobs.CancelAsync(new JobId("nope"), "", default)).Status);
    }

    [Fact]
    public async Task Watch_YieldsSnapshotThenEveryTransitionUntilTheJobEnds()
    {
        using var harness = new SchedulerHarness(OnePool());
        var job = await harness.SubmitAsync(JobSpecs.Gpu("t", 1).Hours(1).Obj());
        var seen = new List<JobChange>();
        var watch = harness.Jobs.WatchAsync(job.Id, default).GetAsyncEnumerator();
        Assert.True(await watch.MoveNextAsync()); // subscribed and snapshot read: the phase barrier before any change
        seen.Add(watch.Current);
        var watching = Task.Run(async () =>
        {
            while (await watch.MoveNextAsync())
            {
                seen.Add(watch.Current);
            }
        });

        await harness.CycleAndDispatchAsync();
        await harness.AdvanceAsync(TimeSpan.FromHours(2));
        await watching.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Null(seen[0].Transition);
        Assert.Equal([JobState.Placed, JobState.Dispatched, JobState.Running, JobState.Succeeded], seen.Skip(1).Select(c => c.Transition!.To));
    }

    [Fact]
    public async Task Explain_PendingJob_SaysWhyAndWhatWouldFit()
    {
        using var harness = new SchedulerHarness(OnePool());
        var job = await harness.SubmitAsync(JobSpecs.Gpu("t", 1).InEu().Obj());

        var explanation = await harness.Jobs.ExplainAsync(job.Id, default);

        Assert.NotNull(explanation);
        Assert.Null(explanation!.Chosen);
        Assert.Contains("residency", explanation.Summary, StringComparison.Ordinal);
        Assert.Contains(explanation.WhatWouldFit, h => h.Contains("allow US", StringComparison.Ordinal));
        Assert.Equal(RejectReason.Residency, Assert.Single(explanation.Candidates).Rejection);
    }
}
