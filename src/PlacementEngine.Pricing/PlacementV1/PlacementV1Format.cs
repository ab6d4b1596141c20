namespace PlacementEngine.Pricing;

internal enum PlacementV1Table
{
    Prices,
    Egress,
    SpotBands,
    Regions,
}

/// <summary>
/// The project's own price format, version 1 (pricing/README.md): CSV tables after a version line. A file holds one
/// or more tables, each starting with its header line; lines starting with '#' are comments.
/// </summary>
internal static class PlacementV1Format
{
    public const string VersionLine = "# placement-prices v1";

    /// <summary>Any version line: a later version is recognised as this format and refused by name.</summary>
    public const string VersionPrefix = "# placement-prices";

    /// <summary>One row per instance type and region, a column per capacity type; blank is no price (halves the size of a row per price).</summary>
    public const string PricesHeader = "cloud,region,instance_type,on_demand_usd,spot_usd,reserved_usd";

    public const string EgressHeader = "from,to,usd_per_gb";

    public const string SpotBandsHeader = "cloud,region,instance_type,band";

    public const string RegionsHeader = "cloud,region,country,jurisdiction";

    private static readonly Dictionary<string, PlacementV1Table> TablesByHeader = new(StringComparer.OrdinalIgnoreCase)
    {
        [PricesHeader] = PlacementV1Table.Prices,
        [EgressHeader] = PlacementV1Table.Egress,
        [SpotBandsHeader] = PlacementV1Table.SpotBands,
        [RegionsHeader] = PlacementV1Table.Regions,
    };

    public static IEnumerable<string> Headers => TablesByHeader.Keys;

    public static bool TryGetTable(string line, out PlacementV1Table table) => TablesByHeader.TryGetValue(line.Trim(), out table);

    public static int ColumnCount(PlacementV1Table table) => table switch
    {
        PlacementV1Table.Prices => 6,
        PlacementV1Table.Egress => 3,
        _ => 4,
    };

    /// <summary>The capacity types of the prices table's price columns, in column order from column 3.</summary>
    public static IReadOnlyList<(Core.CapacityType Type, string Column)> PriceColumns { get; } =
    [
        (Core.CapacityType.OnDemand, "on_demand_usd"),
        (Core.CapacityType.Spot, "spot_usd"),
        (Core.CapacityType.Reserved, "reserved_usd"),
    ];

    public static string Name(PlacementV1Table table) => table switch
    {
        PlacementV1Table.Prices => "prices",
        PlacementV1Table.Egress => "egress",
        PlacementV1Table.SpotBands => "spot bands",
        _ => "regions",
    };
}
