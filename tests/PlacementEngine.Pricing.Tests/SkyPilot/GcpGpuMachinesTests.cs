namespace PlacementEngine.Pricing.Tests;

public sealed class GcpGpuMachinesTests
{
    [Theory]
    [InlineData("a2-highgpu-1g", "A100", 1)]
    [InlineData("a2-highgpu-8g", "A100", 8)]
    [InlineData("a2-megagpu-16g", "A100", 16)]
    [InlineData("a2-ultragpu-4g", "A100-80GB", 4)]
    [InlineData("a3-highgpu-8g", "H100", 8)]
    [InlineData("a3-edgegpu-8g-nolssd", "H100", 8)]
    [InlineData("a3-megagpu-8g", "H100-MEGA", 8)]
    [InlineData("a3-ultragpu-8g", "H200", 8)]
    [InlineData("a4-highgpu-8g", "B200", 8)]
    [InlineData("g2-standard-8", "L4", 1)]
    [InlineData("g2-standard-48", "L4", 4)]
    public void TryGetBuiltInGpus_AcceleratorMachine_ModelAndCount(string machine, string model, int count)
    {
        Assert.True(GcpGpuMachines.TryGetBuiltInGpus(machine, out var foundModel, out var foundCount));
        Assert.Equal((model, count), (foundModel, foundCount));
    }

    [Theory]
    [InlineData("n1-standard-8")]
    [InlineData("g1-small")]
    [InlineData("a2-highgpu-g")]
    [InlineData("a4x-highgpu-4g")]
    public void TryGetBuiltInGpus_OtherMachine_False(string machine) =>
        Assert.False(GcpGpuMachines.TryGetBuiltInGpus(machine, out _, out _));

    [Theory]
    [InlineData("n1-standard-8", true)]
    [InlineData("n1-highmem-16", true)]
    [InlineData("n1-megamem-96", false)]
    [InlineData("n1-340-48-tpu", false)]
    [InlineData("n2-standard-8", false)]
    public void TakesAttachedGpus_OnlyGeneralPurposeN1(string machine, bool expected) =>
        Assert.Equal(expected, GcpGpuMachines.TakesAttachedGpus(machine));

    [Fact]
    public void AttachedName_SpelledAsCostConfigMapsDo() =>
        Assert.Equal("n1-standard-16-v100x4", GcpGpuMachines.AttachedName("n1-standard-16", "V100", 4));

    [Fact]
    public void IsAcceleratorSeries_UnknownA4xMachine_True_SoItIsNotPricedWithoutItsGpus() =>
        Assert.True(GcpGpuMachines.IsAcceleratorSeries("a4x-highgpu-4g"));
}
