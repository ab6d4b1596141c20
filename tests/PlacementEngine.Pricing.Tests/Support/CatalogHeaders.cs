namespace PlacementEngine.Pricing.Tests;

/// <summary>The headers of the three shared SkyPilot catalogs, for small hand-written catalogs.</summary>
internal static class CatalogHeaders
{
    public const string Aws = "InstanceType,AcceleratorName,AcceleratorCount,vCPUs,MemoryGiB,Price,SpotPrice,Region,AvailabilityZone";
    public const string Gcp = "InstanceType,vCPUs,MemoryGiB,AcceleratorName,AcceleratorCount,GpuInfo,Region,AvailabilityZone,Price,SpotPrice";
    public const string Azure = "InstanceType,AcceleratorName,AcceleratorCount,vCPUs,MemoryGiB,GpuInfo,Price,SpotPrice,Region,Generation";

    public static string Csv(string header, params string[] rows) => string.Join('\n', [header, .. rows]) + "\n";
}
