using PlacementEngine.Core;

namespace PlacementEngine.Pricing;

/// <summary>
/// Where the columns a price import needs are in a SkyPilot catalog header. Columns are found by name, so the three
/// shared layouts and SkyPilot's other catalog versions all read; columns not needed (vCPUs, GpuInfo, ...) are ignored.
/// </summary>
internal sealed class SkyPilotHeader
{
    // The layouts this project has seen, each naming its cloud, so a file needs no --cloud.
    private static readonly Dictionary<string, Cloud> KnownLayouts = new(StringComparer.Ordinal)
    {
        ["InstanceType,AcceleratorName,AcceleratorCount,vCPUs,MemoryGiB,Price,SpotPrice,Region,AvailabilityZone"] = Cloud.Aws,
        ["InstanceType,AcceleratorName,AcceleratorCount,vCPUs,MemoryGiB,GpuInfo,Price,SpotPrice,Region,AvailabilityZone"] = Cloud.Aws,
        ["InstanceType,vCPUs,MemoryGiB,AcceleratorName,AcceleratorCount,GpuInfo,Region,AvailabilityZone,Price,SpotPrice"] = Cloud.Gcp,
        ["InstanceType,AcceleratorName,AcceleratorCount,vCPUs,MemoryGiB,GpuInfo,Price,SpotPrice,Region,Generation"] = Cloud.Azure,
    };

    // Azure catalogs write Generation "V1,V2" without quotes: cells past a last Generation column belong to it.
    private const string OverflowingLastColumn = "Generation";

    private SkyPilotHeader(IReadOnlyList<string> names)
    {
        ColumnCount = names.Count;
        InstanceType = IndexOf(names, "InstanceType");
        AcceleratorName = IndexOf(names, "AcceleratorName");
        AcceleratorCount = IndexOf(names, "AcceleratorCount");
        Price = IndexOf(names, "Price");
        SpotPrice = IndexOf(names, "SpotPrice");
        Region = IndexOf(names, "Region");
        Zone = IndexOf(names, "AvailabilityZone");
        ExtraCellsJoinLastColumn = names[^1].Trim().Equals(OverflowingLastColumn, StringComparison.OrdinalIgnoreCase);
    }

    public int ColumnCount { get; }

    public int InstanceType { get; }

    public int AcceleratorName { get; }

    public int AcceleratorCount { get; }

    public int Price { get; }

    public int SpotPrice { get; }

    public int Region { get; }

    /// <summary>-1 when the catalog is per region (Azure).</summary>
    public int Zone { get; }

    public bool ExtraCellsJoinLastColumn { get; }

    public static Cloud? CloudOfLayout(string headerLine) =>
        KnownLayouts.TryGetValue(headerLine.Trim(), out var cloud) ? cloud : null;

    /// <summary>Null, with problems on <paramref name="line"/>, when a needed column is missing or named twice.</summary>
    public static SkyPilotHeader? Read(IReadOnlyList<string> names, Cloud cloud, int line, ProblemList problems)
    {
        var repeated = names.Where(n => n.Trim().Length > 0)
            .GroupBy(n => n.Trim(), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => CellText.Quote(g.Key)).ToList();
        if (repeated.Count > 0)
        {
            problems.Add(line, $"the header names column {string.Join(", ", repeated)} more than once");
        }
        string[] required = cloud == Cloud.Gcp
            ? ["InstanceType", "AcceleratorName", "AcceleratorCount", "Price", "SpotPrice", "Region"]
            : ["InstanceType", "Price", "SpotPrice", "Region"];
        var missing = required.Where(r => IndexOf(names, r) < 0).ToList();
        if (missing.Count > 0)
        {
            problems.Add(line, $"the header lacks column {string.Join(", ", missing)}; a SkyPilot {cloud.ToWire()} catalog header reads like "
                + $"'{KnownLayouts.FirstOrDefault(l => l.Value == cloud).Key}'");
        }
        return repeated.Count == 0 && missing.Count == 0 ? new SkyPilotHeader(names) : null;
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i].Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }
        return -1;
    }
}
