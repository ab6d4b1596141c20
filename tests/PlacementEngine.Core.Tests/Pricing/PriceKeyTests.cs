using PlacementEngine.Core;

namespace PlacementEngine.Core.Tests.Pricing;

public sealed class PriceKeyTests
{
    [Theory]
    [InlineData(Cloud.Gcp, "n1-standard-8", "T4", 1, "n1-standard-8-t4x1")]
    [InlineData(Cloud.Gcp, "n1-highmem-16", "V100", 2, "n1-highmem-16-v100x2")]
    [InlineData(Cloud.Gcp, "n1-standard-8", null, 0, "n1-standard-8")]
    [InlineData(Cloud.Gcp, "n1-standard-8+1xT4", "T4", 1, "n1-standard-8+1xT4")]
    [InlineData(Cloud.Gcp, "a2-highgpu-8g", "A100", 8, "a2-highgpu-8g")]
    [InlineData(Cloud.Aws, "p4d.24xlarge", "A100", 8, "p4d.24xlarge")]
    public void PricedName_OnlyBareGcpN1MachinesWithGpusGetTheGpuSuffix(Cloud cloud, string name, string? gpu, int gpus, string expected) =>
        Assert.Equal(expected, PriceKey.PricedName(cloud, new InstanceType(name, gpu, gpus, 8m, 30m)));
}
