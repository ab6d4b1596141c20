using PlacementEngine.Core;
using PlacementEngine.TestKit;

namespace PlacementEngine.Core.Tests.Placement;

public sealed class EligibilityTests
{
    private static Candidate Evaluate(JobSpec spec, Fleets fleets, IReadOnlySet<string>? blocked = null)
    {
        var fleet = fleets.Fleet();
        var pool = fleet.Pools[0];
        return Eligibility.Evaluate(new PendingJob(new JobId("j"), spec, blocked ?? new HashSet<string>(), 1), fleet.ClusterOf(pool), pool, fleets.Prices());
    }

    private static Fleets UsA100(CapacityType capacity = CapacityType.OnDemand, decimal hourly = 32.77m, bool healthy = true) =>
        Fleets.Make().Cluster("aws-use1", "aws:us-east-1", healthy).Pool("p4d.24xlarge", "A100", 8, capacity, hourly, 4);

    public static TheoryData<string, JobSpec, Fleets, RejectReason> Rejections() => new()
    {
        { "EU job, US pool", JobSpecs.Gpu("t", 8, "A100").InEu().Obj(), UsA100(), RejectReason.Residency },
        { "H100 only", JobSpecs.Gpu("t", 8, "H100").Obj(), UsA100(), RejectReason.GpuModel },
        { "16 GPUs per worker", JobSpecs.Gpu("t", 16).Obj(), UsA100(), RejectReason.GpuCount },
        { "too much memory", JobSpecs.Gpu("t", 8).With(s => s with { Worker = s.Worker with { MemoryGiB = 5000m } }).Obj(), UsA100(), RejectReason.Resources },
        { "spot-only on on-demand", JobSpecs.Gpu("t", 8).Policy(CapacityPolicy.SpotOnly).Obj(), UsA100(), RejectReason.CapacityPolicy },
        { "on-demand-only on spot", JobSpecs.Gpu("t", 8).Policy(CapacityPolicy.OnDemandOnly).Obj(), UsA100(CapacityType.Spot), RejectReason.CapacityPolicy },
        { "price cap", JobSpecs.Gpu("t", 8).Workers(2).MaxHourly(60m).Obj(), UsA100(), RejectReason.PriceCap },
        { "unhealthy cluster", JobSpecs.Gpu("t", 8).Obj(), UsA100(healthy: false), RejectReason.Unhealthy },
        { "CPU pool for GPU job", JobSpecs.Gpu("t", 1).Obj(), Fleets.Make().Cluster("c", "aws:us-east-1").Pool("m5.large", null, 0, CapacityType.OnDemand, 0.1m, 4), RejectReason.GpuModel },
    };

    [Theory]
    [MemberData(nameof(Rejections))]
    public void Evaluate_HardConstraintBroken_RejectsWithReason(string scenario, JobSpec spec, Fleets fleets, RejectReason reason)
    {
        var candidate = Evaluate(spec, fleets);

        Assert.False(candidate.Eligible, scenario);
        Assert.Equal(reason, candidate.Rejection);
        Assert.False(string.IsNullOrWhiteSpace(candidate.Detail));
    }

    [Fact]
    public void Evaluate_BlockedPool_IsRejectedAsBlocked()
    {
        var fleets = UsA100();
        var candidate = Evaluate(JobSpecs.Gpu("t", 8).Obj(), fleets, new HashSet<string> { fleets.Fleet().Pools[0].Name });

        Assert.Equal(RejectReason.Blocked, candidate.Rejection);
    }

    [Fact]
    public void Evaluate_RejectedCandidate_StillShowsWhatItWouldCost()
    {
        var candidate = Evaluate(JobSpecs.Gpu("t", 8, "A100").InEu().Obj(), UsA100());

        Assert.NotNull(candidate.Cost);
        Assert.Equal(Money.Of(32.77m * 2), candidate.Cost!.Compute);
    }

    [Fact]
    public void Evaluate_AllConstraintsHold_IsEligibleWithCost()
    {
        var candidate = Evaluate(JobSpecs.Gpu("t", 8, "A100").In("US").MaxHourly(40m).Obj(), UsA100());

        Assert.True(candidate.Eligible, candidate.Detail);
        Assert.Equal(1, candidate.Nodes);
    }

    [Fact]
    public void Evaluate_LongSelectorNoClusterHas_DetailQuotesKeyAndValueBounded()
    {
        var key = "placement.example.com/" + new string('k', 63);
        var spec = JobSpecs.Gpu("t", 8).With(s => s with { ClusterSelector = new Dictionary<string, string> { [key] = new string('v', 63) } }).Obj();

        var candidate = Evaluate(spec, UsA100());

        Assert.Equal(RejectReason.Selector, candidate.Rejection);
        Assert.Equal($"cluster label {key[..InputText.MaxQuotedChars]}… (85 characters)=(absent), job wants {new string('v', 63)}", candidate.Detail);
    }
}
