using PlacementEngine.Core;
using PlacementEngine.Storage.Sqlite.Serialization;
using PlacementEngine.TestKit;

namespace PlacementEngine.Storage.Sqlite.Tests.Serialization;

public sealed class StoredTolerationsTests
{
    [Fact]
    public void ReadSpec_OfSpecWithTolerations_KeepsThem()
    {
        var spec = JobSpecs.Cpu("etl", 2m).Tolerate(
            new Toleration("nvidia.com/gpu", TolerationOperator.Exists, "", TaintEffect.NoSchedule),
            new Toleration("dedicated", TolerationOperator.Equal, "ml", null)).Obj();

        Assert.Equal(spec.Tolerations, StoredJson.ReadSpec(StoredJson.WriteSpec(spec)).Tolerations);
    }

    [Fact]
    public void WriteSpec_WithoutTolerations_WritesNoTolerationsField()
    {
        var json = StoredJson.WriteSpec(JobSpecs.Cpu("etl", 2m).Obj());

        Assert.DoesNotContain("tolerations", json, StringComparison.Ordinal);
        Assert.Empty(StoredJson.ReadSpec(json).Tolerations);
    }
}
