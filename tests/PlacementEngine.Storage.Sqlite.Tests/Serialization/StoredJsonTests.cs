using PlacementEngine.Core;
using PlacementEngine.Storage.Sqlite.Serialization;
using PlacementEngine.Storage.Conformance.Jobs;
using PlacementEngine.TestKit;

namespace PlacementEngine.Storage.Sqlite.Tests.Serialization;

public sealed class StoredJsonTests
{
    [Fact]
    public void ReadSpec_OfWrittenSpec_KeepsEveryField()
    {
        var spec = StoreTestData.FullSpec();

        JobAssert.Same(spec, StoredJson.ReadSpec(StoredJson.WriteSpec(spec)));
    }

    [Fact]
    public void ReadSpec_OfMinimalSpec_KeepsAbsentOptionalsAbsent()
    {
        var spec = JobSpecs.Cpu("etl", 2m).Obj();

        var read = StoredJson.ReadSpec(StoredJson.WriteSpec(spec));

        JobAssert.Same(spec, read);
        Assert.Null(read.Data);
        Assert.Null(read.MaxHourlyPrice);
        Assert.Null(read.CheckpointInterval);
        Assert.Null(read.Deadline);
    }

    [Fact]
    public void WriteSpec_MapsBuiltInAnotherOrder_WritesTheSameText()
    {
        var spec = StoreTestData.FullSpec();
        var reordered = spec with
        {
            Labels = spec.Labels.Reverse().ToDictionary(p => p.Key, p => p.Value),
            ClusterSelector = spec.ClusterSelector.Reverse().ToDictionary(p => p.Key, p => p.Value),
            Container = spec.Container with { Env = spec.Container.Env.Reverse().ToDictionary(p => p.Key, p => p.Value) },
        };

        Assert.Equal(StoredJson.WriteSpec(spec), StoredJson.WriteSpec(reordered));
    }

    [Fact]
    public void WriteSpec_AmountsAndTimes_AreExactStringsWithInstantsInUtc()
    {
        var json = StoredJson.WriteSpec(StoreTestData.FullSpec());

        Assert.Contains("\"vcpus\":\"11.50\"", json, StringComparison.Ordinal);
        Assert.Contains("\"max_hourly_price\":\"32.7700\"", json, StringComparison.Ordinal);
        Assert.Contains("\"gb_read\":\"1250.500\"", json, StringComparison.Ordinal);
        Assert.Contains("\"deadline\":\"2026-02-01T12:30:15.2500000Z\"", json, StringComparison.Ordinal);
        Assert.Contains("\"regions\":[\"gcp:europe-west4\",\"aws:eu-central-1\"]", json, StringComparison.Ordinal);
        Assert.Contains("\"capacity_policy\":\"spot-only\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadPlacement_OfWrittenPlacement_KeepsEveryField()
    {
        var placement = StoreTestData.PlacementOn(StoreTestData.OnDemandPool, 3, 2, compute: 17.100m);

        JobAssert.Same(placement, StoredJson.ReadPlacement(StoredJson.WritePlacement(placement)));
    }

    [Fact]
    public void WriteBlockedPools_AnyOrder_WritesSortedDistinctText()
    {
        Assert.Equal(StoredJson.WriteBlockedPools(["b", "a", "b"]), StoredJson.WriteBlockedPools(["a", "b"]));
        Assert.Equal(["a", "b"], StoredJson.ReadBlockedPools(StoredJson.WriteBlockedPools(["b", "a"])).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("\"capacity_policy\":\"spot-only\"", "\"capacity_policy\":\"cheap\"")]
    [InlineData("\"vcpus\":\"11.50\"", "\"vcpus\":11.5")]
    [InlineData("\"workers\":4,", "")]
    [InlineData("\"team\":\"team-vision\"", "\"team\":null")]
    public void ReadSpec_DamagedDocument_ThrowsInvalidData(string field, string damaged)
    {
        var json = StoredJson.WriteSpec(StoreTestData.FullSpec());
        Assert.Contains(field, json, StringComparison.Ordinal);

        Assert.Throws<InvalidDataException>(() => StoredJson.ReadSpec(json.Replace(field, damaged, StringComparison.Ordinal)));
    }
}
