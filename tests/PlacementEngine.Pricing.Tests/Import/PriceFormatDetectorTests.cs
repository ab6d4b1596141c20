namespace PlacementEngine.Pricing.Tests;

public sealed class PriceFormatDetectorTests
{
    [Theory]
    [InlineData(null, "# placement-prices v1\ncloud,region", PriceImportFormat.PlacementV1)]
    [InlineData(null, "\n\nfrom,to,usd_per_gb\n", PriceImportFormat.PlacementV1)]
    [InlineData("x.yaml", "InstanceType,vCPUs,MemoryGiB\n", PriceImportFormat.SkyPilotCsv)]
    [InlineData("prices.txt", "\uFEFFInstanceType,AcceleratorName\n", PriceImportFormat.SkyPilotCsv)]
    [InlineData("cost.yml", "whatever: 1\n", PriceImportFormat.ConfigMap)]
    [InlineData(null, "# prices\napiVersion: v1\nkind: ConfigMap\n", PriceImportFormat.ConfigMap)]
    [InlineData(null, "aws:\n  p3.8xlarge: 12.24\n", PriceImportFormat.ConfigMap)]
    [InlineData("prices.csv", "a,b,c\n1,2,3\n", null)]
    [InlineData(null, "", null)]
    public void Detect_ContentAndName_Format(string? fileName, string head, PriceImportFormat? expected) =>
        Assert.Equal(expected, PriceFormatDetector.Detect(fileName, head));

    [Theory]
    [InlineData("skypilot-csv", PriceImportFormat.SkyPilotCsv)]
    [InlineData("ConfigMap", PriceImportFormat.ConfigMap)]
    [InlineData(" placement-v1 ", PriceImportFormat.PlacementV1)]
    public void TryParse_WireName_Format(string text, PriceImportFormat expected)
    {
        Assert.True(PriceImportFormatNames.TryParse(text, out var format));
        Assert.Equal(expected, format);
        Assert.True(PriceImportFormatNames.TryParse(format.ToWire(), out _));
    }
}
