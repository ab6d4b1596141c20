using PlacementEngine.Core;

namespace PlacementEngine.Core.Tests.Pricing;

public sealed class InstanceFamiliesTests
{
    [Theory]
    [InlineData("p4d.24xlarge", "p4d")]
    [InlineData("p4de.24xlarge", "p4de")]
    [InlineData("p5.48xlarge", "p5")]
    [InlineData("p6-b200.48xlarge", "p6-b200")]
    [InlineData("m8i.xlarge", "m8i")]
    [InlineData("nodot", "nodot")]
    public void Of_Aws_IsThePartBeforeTheFirstDot(string type, string family) =>
        Assert.Equal(family, InstanceFamilies.Of(Cloud.Aws, type));

    [Theory]
    [InlineData("a2-highgpu-8g", "a2-highgpu")]
    [InlineData("a2-highgpu-1g", "a2-highgpu")]
    [InlineData("a2-megagpu-16g", "a2-megagpu")]
    [InlineData("a3-edgegpu-8g-nolssd", "a3-edgegpu")]
    [InlineData("c3-standard-4-lssd", "c3-standard")]
    [InlineData("n1-standard-8", "n1-standard")]
    [InlineData("e2-micro", "e2-micro")]
    [InlineData("single", "single")]
    public void Of_Gcp_IsSeriesAndClass(string type, string family) =>
        Assert.Equal(family, InstanceFamilies.Of(Cloud.Gcp, type));

    [Theory]
    [InlineData("Standard_ND96asr_v4", "Standard_ND")]
    [InlineData("Standard_ND96amsr_A100_v4", "Standard_ND")]
    [InlineData("Standard_ND40rs_v2", "Standard_ND")]
    [InlineData("Standard_NC24ads_A100_v4", "Standard_NC")]
    [InlineData("Standard_NCC40ads_H100_v5", "Standard_NCC")]
    [InlineData("Standard_A1_v2", "Standard_A")]
    [InlineData("Standard_B2ms", "Standard_B")]
    [InlineData("Basic_A", "Basic_A")]
    [InlineData("NoTier", "NoTier")]
    public void Of_Azure_IsTierAndSeriesLetters(string type, string family) =>
        Assert.Equal(family, InstanceFamilies.Of(Cloud.Azure, type));

    [Fact]
    public void Of_OnPrem_IsTheWholeName() =>
        Assert.Equal("dgx-a100.8", InstanceFamilies.Of(Cloud.OnPrem, "dgx-a100.8"));

    [Fact]
    public void Comparer_IgnoresCase() =>
        Assert.True(InstanceFamilies.Comparer.Equals("standard_nd", InstanceFamilies.Of(Cloud.Azure, "Standard_ND96asr_v4")));
}
