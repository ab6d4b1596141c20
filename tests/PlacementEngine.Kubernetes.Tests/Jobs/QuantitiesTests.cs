using PlacementEngine.Kubernetes.Jobs;

namespace PlacementEngine.Kubernetes.Tests.Jobs;

public sealed class QuantitiesTests
{
    [Theory]
    [InlineData("4", "4")]
    [InlineData("0.5", "500m")]
    [InlineData("1.0001", "1001m")]
    public void Cpu_Vcpus_InCanonicalSpelling(string vcpus, string expected) =>
        Assert.Equal(expected, Quantities.Cpu(decimal.Parse(vcpus, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("16", "16Gi")]
    [InlineData("1.5", "1536Mi")]
    [InlineData("0.0001", "1Mi")]
    public void Memory_Gib_InCanonicalSpelling(string gib, string expected) =>
        Assert.Equal(expected, Quantities.Memory(decimal.Parse(gib, System.Globalization.CultureInfo.InvariantCulture)));
}
