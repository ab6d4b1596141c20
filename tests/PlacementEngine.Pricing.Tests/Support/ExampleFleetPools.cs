using System.Globalization;
using PlacementEngine.Core;
using YamlDotNet.RepresentationModel;

namespace PlacementEngine.Pricing.Tests;

/// <summary>One pool of deploy/examples/fleet.yaml, read just far enough to find its price.</summary>
internal sealed record ExamplePool(string Cluster, RegionId Region, string InstanceType, string? GpuModel, int GpuCount, CapacityType Capacity, decimal HourlyPrice)
{
    /// <summary>
    /// The key the catalog prices this pool under: the instance type, except that a GCP N1 machine with GPUs is
    /// "n1-standard-8-t4x1" (pricing/README.md). The core's PriceKey.For needs the same rule to find these prices.
    /// </summary>
    public PriceKey CatalogKey
    {
        get
        {
            var name = Region.Cloud == Cloud.Gcp && GpuModel is not null && GcpGpuMachines.TakesAttachedGpus(InstanceType)
                ? GcpGpuMachines.AttachedName(InstanceType, GpuModel, GpuCount)
                : InstanceType;
            return new PriceKey(Region.Cloud, Region.Name, name, Capacity);
        }
    }

    public override string ToString() => $"{Cluster} {InstanceType} {Capacity.ToWire()}";
}

internal static class ExampleFleetPools
{
    public static IReadOnlyList<ExamplePool> All { get; } = Read();

    private static List<ExamplePool> Read()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(RepositoryPaths.ExampleFleet)));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var pools = new List<ExamplePool>();
        foreach (var cluster in ((YamlSequenceNode)root["clusters"]).Cast<YamlMappingNode>())
        {
            Assert.True(RegionId.TryParse(Text(cluster, "region"), out var region));
            foreach (var pool in ((YamlSequenceNode)cluster["pools"]).Cast<YamlMappingNode>())
            {
                var gpu = pool.Children.TryGetValue("gpu", out var node) ? (YamlMappingNode)node : null;
                Assert.True(CapacityTypeNames.TryParse(Text(pool, "capacityType"), out var capacity));
                pools.Add(new ExamplePool(
                    Text(cluster, "name"),
                    region,
                    Text(pool, "instanceType"),
                    gpu is null ? null : Text(gpu, "model"),
                    gpu is null ? 0 : int.Parse(Text(gpu, "count"), CultureInfo.InvariantCulture),
                    capacity,
                    decimal.Parse(Text(pool, "hourlyPrice"), CultureInfo.InvariantCulture)));
            }
        }
        return pools;
    }

    private static string Text(YamlMappingNode map, string key) => ((YamlScalarNode)map[key]).Value!;
}
