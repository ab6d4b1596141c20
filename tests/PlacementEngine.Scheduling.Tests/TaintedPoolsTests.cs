using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PlacementEngine.Core;
using PlacementEngine.Scheduling;
using PlacementEngine.TestKit;

namespace PlacementEngine.Scheduling.Tests;

/// <summary>Issue 13: with the CPU pool full, a 2-vCPU job took a whole p4d.24xlarge. GPU pools are tainted now.</summary>
public sealed class TaintedPoolsTests
{
    private const string GpuPool = "c/p4d.24xlarge/on-demand";

    /// <summary>One CPU node (taken by the first job) and a free, tainted 8 x A100 pool.</summary>
    private static Fleets OneCpuNodeAndAGpuPool() => Fleets.Make().Cluster("c", "aws:us-east-1")
        .Pool("m5.large", null, 0, CapacityType.OnDemand, 0.1m, 1, vcpus: 2m, memoryGiB: 8m)
        .Pool("p4d.24xlarge", "A100", 8, CapacityType.OnDemand, 27.43m, 4, taints: [Taint.NvidiaGpu]);

    private static async Task<Job> SecondCpuJobAsync(SchedulerHarness harness, JobSpec spec)
    {
        await harness.SubmitAsync(JobSpecs.Cpu("first", 2m).Hours(1).Obj());
        await harness.CycleAndDispatchAsync();
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        var job = await harness.SubmitAsync(spec);
        await harness.CycleAndDispatchAsync();
        return await harness.GetAsync(job);
    }

    [Fact]
    public async Task RunOnce_CpuJobCpuPoolFullGpuPoolFree_StaysPendingInsteadOfTakingAGpuNode()
    {
        using var harness = new SchedulerHarness(OneCpuNodeAndAGpuPool());

        var job = await SecondCpuJobAsync(harness, JobSpecs.Cpu("second", 2m).Hours(1).Obj());

        Assert.Equal(JobState.Pending, job.State);
        Assert.Null(job.Placement);
        var explanation = await harness.Jobs.ExplainAsync(job.Id, default);
        Assert.Equal(RejectReason.Taint, explanation!.Candidates.Single(c => c.Pool.Name == GpuPool).Rejection);
    }

    [Fact]
    public async Task RunOnce_CpuJobToleratingTheGpuTaint_IsPlacedOnTheGpuPool()
    {
        using var harness = new SchedulerHarness(OneCpuNodeAndAGpuPool());
        var spec = JobSpecs.Cpu("second", 2m).Hours(1).Tolerate(new Toleration("nvidia.com/gpu", TolerationOperator.Exists, "", TaintEffect.NoSchedule)).Obj();

        var job = await SecondCpuJobAsync(harness, spec);

        Assert.Equal(GpuPool, job.Placement?.Pool);
        Assert.Equal(spec.Tolerations, job.Spec.Tolerations);
    }

    [Fact]
    public async Task RunOnce_GpuJobWithoutToleration_IsPlacedOnTheTaintedGpuPool()
    {
        using var harness = new SchedulerHarness(OneCpuNodeAndAGpuPool());
        var job = await harness.SubmitAsync(JobSpecs.Gpu("train", 8, "A100").Hours(1).Obj());

        await harness.CycleAndDispatchAsync();

        Assert.Equal(GpuPool, (await harness.GetAsync(job)).Placement?.Pool);
    }

    [Fact]
    public async Task RunOnce_CpuJobOnlyTaintedPools_UnschedulableWithReasonTaint()
    {
        using var harness = new SchedulerHarness(Fleets.Make().Cluster("c", "aws:us-east-1")
            .Pool("p4d.24xlarge", "A100", 8, CapacityType.OnDemand, 27.43m, 4, taints: [Taint.NvidiaGpu]));
        var job = await harness.SubmitAsync(JobSpecs.Cpu("etl", 2m).Obj());

        await harness.CycleAndDispatchAsync();

        var stuck = await harness.GetAsync(job);
        Assert.Equal(JobState.Unschedulable, stuck.State);
        Assert.StartsWith("taint", stuck.StateReason, StringComparison.Ordinal);
        Assert.Contains("nvidia.com/gpu:NoSchedule", stuck.StateReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Fingerprint_SpecWithoutTolerations_HashesAsBeforeTolerationsExisted()
    {
        var spec = JobSpecs.Gpu("train", 8, "A100").Obj();
        var before = JsonSerializer.Serialize(spec).Replace(",\"Tolerations\":[]", "", StringComparison.Ordinal);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(before))), SpecFingerprint.Of(spec));
    }

    [Fact]
    public void Fingerprint_SpecsDifferingInTolerations_Differ()
    {
        var plain = JobSpecs.Cpu("etl", 2m).Obj();

        Assert.NotEqual(SpecFingerprint.Of(plain), SpecFingerprint.Of(plain with { Tolerations = [Toleration.NvidiaGpu] }));
    }
}
