using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using PlacementEngine.Core;
using PlacementEngine.Scheduling;
using PlacementEngine.TestKit;

namespace PlacementEngine.Grains.Tests;

/// <summary>What crosses silos: a placed job with its blocked pools survives Orleans' serializer as the silo configures it.</summary>
public sealed class GrainMessageSerializationTests
{
    [Fact]
    public void JobChange_RoundTrips_WithPlacementAndBlockedPools()
    {
        using var services = new ServiceCollection().AddPlacementGrains(_ => []).BuildServiceProvider();
        var serializer = services.GetRequiredService<Serializer>();
        var spec = JobSpecs.Gpu("train", 1, "A100").Obj();
        var job = Job.New(new JobId("0123456789abcdef"), spec, "key-1", DateTimeOffset.UnixEpoch) with { BlockedPools = new HashSet<string> { "gcp-eu/a2/spot" } };
        var cost = new CostBreakdown(Money.Of(1.25m), 1, 2m, Money.Of(2.5m), Money.Zero, Money.Of(0.1m));
        var (placed, transition) = JobLifecycle.Place(job, new Placement("gcp-eu", "gcp-eu/a2/od", new RegionId(Cloud.Gcp, "europe-west4"), "a2-highgpu-1g", CapacityType.OnDemand, 1, cost, 1), DateTimeOffset.UnixEpoch);

        var copy = serializer.Deserialize<JobChange>(serializer.SerializeToArray(new JobChange(placed, transition)));

        Assert.NotNull(copy);
        Assert.Equal(placed.Id, copy.Job.Id);
        Assert.Equal(placed.Version, copy.Job.Version);
        Assert.Equal(placed.Placement, copy.Job.Placement);
        Assert.Equal(["gcp-eu/a2/spot"], copy.Job.BlockedPools);
        Assert.Equal(placed.Spec.Name, copy.Job.Spec.Name);
        Assert.Equal(transition, copy.Transition);
    }
}
