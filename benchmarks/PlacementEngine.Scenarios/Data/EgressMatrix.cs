using PlacementEngine.Core;

namespace PlacementEngine.Scenarios;

/// <summary>
/// skyplane_region_to_region_egress_cost.csv: $/GB from one region to another ("aws:us-east-2,azure:eastus,0.09").
/// GCP appears by zone ("gcp:us-central1-a", one zone per region in the file), which is mapped to its region.
/// Every region in the file also gets a free route to itself; pairs the file lacks fall back to
/// <see cref="PriceBook.DefaultInterRegionEgressPerGb"/> inside the price book.
/// </summary>
public static class EgressMatrix
{
    public const string FileName = "skyplane_region_to_region_egress_cost.csv";

    public static IReadOnlyDictionary<(RegionId From, RegionId To), Money> Read(string pricesDirectory)
    {
        var table = CsvTable.Read(Path.Combine(pricesDirectory, FileName));
        int source = table.Column("src"), destination = table.Column("dest"), cost = table.Column("cost");
        var rates = new Dictionary<(RegionId, RegionId), Money>();
        var regions = new HashSet<RegionId>();
        foreach (var row in table.Rows)
        {
            if (ParseRegion(CsvTable.Cell(row, source)) is not { } from
                || ParseRegion(CsvTable.Cell(row, destination)) is not { } to
                || CsvTable.Decimal(row, cost) is not { } dollars)
            {
                continue;
            }
            rates.TryAdd((from, to), Money.Of(dollars));
            regions.Add(from);
            regions.Add(to);
        }
        foreach (var region in regions)
        {
            rates[(region, region)] = Money.Zero;
        }
        return rates;
    }

    /// <summary>"cloud:region", with a GCP zone ("us-central1-a") cut back to its region.</summary>
    internal static RegionId? ParseRegion(string text)
    {
        if (!RegionId.TryParse(text, out var region))
        {
            return null;
        }
        if (region.Cloud == Cloud.Gcp && region.Name.LastIndexOf('-') is var dash && dash > 0 && region.Name.Length - dash == 2)
        {
            return region with { Name = region.Name[..dash] };
        }
        return region;
    }
}
