using PlacementEngine.Core;
using PlacementEngine.Yaml;

namespace PlacementEngine.Server.FleetFiles;

/// <summary>
/// Reads each cluster's <c>pools</c>. Pool names are unique across the fleet, and pools that share a price-book key
/// or an instance type must agree on its price and shape, because the price book and the scheduler key on them.
/// </summary>
internal sealed class PoolsReader
{
    private static readonly string[] Keys =
        ["name", "instanceType", "gpu", "vcpus", "memoryGiB", "capacityType", "zone", "maxNodes", "hourlyPrice", "nodeLabels", "taints"];

    private readonly FirstDefinitions<string, Pool?> _pools = new(StringComparer.Ordinal);
    private readonly FirstDefinitions<PriceKey, Money> _prices = new();
    private readonly FirstDefinitions<(Cloud Cloud, string Name), InstanceType> _shapes = new();

    public IReadOnlyList<Pool> Pools => _pools.All.Select(p => p.Value).OfType<Pool>().ToList();

    public PriceBook Prices(long version) => new(version, _prices.All.ToDictionary(p => p.Key, p => p.Value));

    /// <param name="clusterName">Null when the cluster has none (already reported): pools are checked but not named.</param>
    /// <param name="region">Null when the cluster's region is wrong (already reported): checks that need it are skipped.</param>
    public void Read(YamlMap cluster, string? clusterName, RegionId? region)
    {
        foreach (var pool in cluster.Maps("pools", Keys, required: true))
        {
            ReadPool(pool, clusterName, region);
        }
    }

    private void ReadPool(YamlMap map, string? clusterName, RegionId? region)
    {
        var problemsBefore = map.Problems.Count;
        var shape = InstanceTypeReader.Read(map);
        var capacity = ReadCapacityType(map);
        var zone = ReadZone(map, region);
        var maxNodes = ReadNonNegative(map.Integer("maxNodes", required: true), map, "maxNodes", "a node count");
        var price = ReadNonNegative(map.Decimal("hourlyPrice", required: true), map, "hourlyPrice", "a price in dollars per node-hour");
        var nodeLabels = map.TextMap("nodeLabels");
        var taints = TaintsReader.Read(map, shape);
        var explicitName = map.Text("name");
        var name = clusterName is null ? null : explicitName ?? DefaultName(clusterName, shape, capacity);

        if (region is { } regionId && shape is not null)
        {
            CheckSameShape(map, regionId.Cloud, shape);
            if (capacity is { } capacityType && price is { } hourly)
            {
                CheckSamePrice(map, new PriceKey(regionId.Cloud, regionId.Name, PriceKey.PricedName(regionId.Cloud, shape), capacityType), Money.Of(hourly));
            }
        }
        var pool = clusterName is { } owner && name is not null && shape is not null && capacity is { } type && maxNodes is { } max
            && price is not null && map.Problems.Count == problemsBefore
            ? new Pool(name, owner, shape, type, zone, max, nodeLabels) { Taints = taints }
            : null;
        if (name is not null && !_pools.TryAdd(name, pool, map.Line, out var first))
        {
            map.Report(explicitName is null ? "instanceType" : "name",
                $"pool '{name}' is already defined at line {first.Line}; give one of them its own name");
        }
    }

    private static string? DefaultName(string clusterName, InstanceType? shape, CapacityType? capacity) =>
        shape is not null && capacity is { } type ? FleetFile.DefaultPoolName(clusterName, shape.Name, type.ToWire()) : null;

    private static CapacityType? ReadCapacityType(YamlMap map)
    {
        var text = map.Text("capacityType", required: true);
        if (text is null)
        {
            return null;
        }
        if (!CapacityTypeNames.TryParse(text, out var type))
        {
            map.Report("capacityType", $"'{text}' is not spot, on-demand or reserved");
            return null;
        }
        return type;
    }

    private static string? ReadZone(YamlMap map, RegionId? region)
    {
        var zone = map.Text("zone");
        // AWS and GCP zone names start with their region's (us-east-1a, europe-west4-a); Azure zones are numbers.
        if (zone is not null && region is { Cloud: Cloud.Aws or Cloud.Gcp } id && !zone.StartsWith(id.Name, StringComparison.OrdinalIgnoreCase))
        {
            map.Report("zone", $"'{zone}' is not a zone of {id}");
        }
        return zone;
    }

    private static T? ReadNonNegative<T>(T? value, YamlMap map, string key, string what)
        where T : struct, IComparable<T>
    {
        if (value is { } v && v.CompareTo(default) < 0)
        {
            map.Report(key, $"{v} is negative; {key} is {what}, 0 or more");
            return null;
        }
        return value;
    }

    private void CheckSameShape(YamlMap map, Cloud cloud, InstanceType shape)
    {
        if (!_shapes.TryAdd((cloud, shape.Name), shape, map.Line, out var first) && first.Value != shape)
        {
            map.Report("instanceType", $"{shape.Name} is described as {Describe(first.Value)} at line {first.Line}, here as {Describe(shape)}; one instance type has one shape");
        }
    }

    private void CheckSamePrice(YamlMap map, PriceKey key, Money price)
    {
        if (!_prices.TryAdd(key, price, map.LineOf("hourlyPrice"), out var first) && first.Value != price)
        {
            map.Report("hourlyPrice", $"{price} differs from {first.Value} given for {key} at line {first.Line}; the price book holds one price per key");
        }
    }

    private static string Describe(InstanceType type) =>
        (type.GpuModel is null ? "CPU-only" : $"{type.GpusPerNode} x {type.GpuModel}") + $", {type.VCpus} vCPU, {type.MemoryGiB} GiB";
}
