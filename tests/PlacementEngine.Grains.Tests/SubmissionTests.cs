using PlacementEngine.Core;
using PlacementEngine.Scheduling;

namespace PlacementEngine.Grains.Tests;

/// <summary>A submission stores the job without a grain of its own; the job's grain starts when something needs it.</summary>
public sealed class SubmissionTests : GrainClusterTests
{
    [Fact]
    public async Task Submit_StoresThePendingJob_WithoutActivatingAJobGrain_NorDoesPlacingIt()
    {
        var jobs = new List<Job>();
        for (var i = 0; i < 3; i++)
        {
            jobs.Add(await Grains.SubmitAsync($"no-grain-{i}"));
        }

        foreach (var job in jobs)
        {
            Assert.Equal(JobState.Pending, job.State);
            // The submission wakes the scheduler, which may already have placed it: stored is what matters here.
            Assert.Equal(job.Spec, (await Grains.StoredAsync(job.Id)).Spec);
        }
        Assert.Equal(0, await JobGrainActivationsAsync(Grains));

        // Nor does the scheduler's placing them (the fleet has two nodes for the three).
        await Grains.Scheduler.RunCycleAsync();
        var holding = 0;
        foreach (var job in jobs)
        {
            holding += (await Grains.StoredAsync(job.Id)).State.HoldsCapacity() ? 1 : 0;
        }
        Assert.Equal(2, holding);
        Assert.Equal(0, await JobGrainActivationsAsync(Grains));
    }

    [Fact]
    public async Task Cancel_AfterASubmission_ActivatesTheJobsGrain()
    {
        var job = await Grains.SubmitAsync("then-cancelled");

        var result = await Grains.Jobs.CancelAsync(job.Id, "no longer needed", default);

        Assert.Equal(JobState.Cancelled, result.Job!.State);
        Assert.Equal(1, await JobGrainActivationsAsync(Grains));
    }

    // Orleans names a grain class with its assembly: "PlacementEngine.Grains.JobGrain,PlacementEngine.Grains".
    internal static async Task<int> JobGrainActivationsAsync(GrainCluster grains)
    {
        var statistics = await grains.Grains.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        return statistics.Where(s => s.GrainType.StartsWith(typeof(JobGrain).FullName + ",", StringComparison.Ordinal)).Sum(s => s.ActivationCount);
    }
}
