using PlacementEngine.Cli.JobFiles;
using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Cli.Tests.JobFiles;

/// <summary>The shipped examples under deploy/examples/jobs must parse and ask for what they say they ask for.</summary>
public sealed class ExampleJobFilesTests
{
    private static string Example(string name) => Path.Combine(AppContext.BaseDirectory, "Examples", name);

    [Fact]
    public void ReadFile_EuA100Example_AsksForOneEightGpuWorkerThatFitsEveryA100Machine()
    {
        var spec = JobFileReader.ReadFile(Example("eu-a100-8x.yaml"));

        Assert.Equal(1, spec.Workers);
        Assert.Equal(8, spec.Worker.Gpus);
        Assert.Contains("A100", spec.Worker.GpuModels);
        // a2-highgpu-8g 96/680, p4d.24xlarge 96/1152, Standard_ND96asr_v4 96/900.
        Assert.True(spec.Worker.Vcpus <= 96);
        Assert.True(spec.Worker.MemoryGib <= 680);
        Assert.Equal(6 * 3600, spec.EstimatedRuntimeSeconds);
        Assert.Equal(["EU"], spec.Residency.Jurisdictions);
        Assert.Equal("gcp:europe-west4", spec.Data.Region);
        Assert.Equal(500, spec.Data.GbRead);
        Assert.Equal(CapacityPolicy.SpotPreferred, spec.CapacityPolicy);
        Assert.Equal(30 * 60, spec.CheckpointIntervalSeconds);
    }

    [Fact]
    public void ReadFile_SpotT4Example_AsksForOneT4OnSpotThatFitsSmallT4Machines()
    {
        var spec = JobFileReader.ReadFile(Example("spot-t4.yaml"));

        Assert.Equal(1, spec.Worker.Gpus);
        Assert.Equal(["T4"], spec.Worker.GpuModels);
        // Standard_NC4as_T4_v3 4/28, n1-standard-8 + T4 8/30.
        Assert.True(spec.Worker.Vcpus <= 4);
        Assert.True(spec.Worker.MemoryGib <= 28);
        Assert.Equal(3600, spec.EstimatedRuntimeSeconds);
        Assert.Equal(CapacityPolicy.SpotOnly, spec.CapacityPolicy);
        Assert.Equal(10, spec.Priority);
    }
}
