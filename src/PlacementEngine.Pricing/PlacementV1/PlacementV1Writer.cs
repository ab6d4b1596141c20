using System.Text;
using PlacementEngine.Core;

namespace PlacementEngine.Pricing;

/// <summary>
/// Writes placement-v1 tables in one canonical order with "\n" line ends and no trailing zeros, so the same data always
/// gives the same bytes (the shipped catalog is checked by regenerating it).
/// </summary>
public static class PlacementV1Writer
{
    public static string Prices(IEnumerable<PriceEntry> prices, string comment = "") =>
        Table(PlacementV1Format.PricesHeader, comment, prices
            .GroupBy(p => (Cloud: p.Key.Cloud.ToWire(), p.Key.Region, p.Key.InstanceType))
            .OrderBy(g => g.Key.Cloud, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Region, StringComparer.Ordinal)
            .ThenBy(g => g.Key.InstanceType, StringComparer.Ordinal)
            .Select(g => $"{g.Key.Cloud},{g.Key.Region},{g.Key.InstanceType},{PriceCells(g)}"));

    public static string Egress(IEnumerable<EgressEntry> egress, string comment = "") =>
        Table(PlacementV1Format.EgressHeader, comment, egress
            .Select(e => (From: e.From.ToString(), To: e.To.ToString(), e.PerGb))
            .OrderBy(e => e.From, StringComparer.Ordinal)
            .ThenBy(e => e.To, StringComparer.Ordinal)
            .Select(e => $"{e.From},{e.To},{NumberText.Format(e.PerGb.Dollars)}"));

    public static string SpotBands(IEnumerable<SpotBandEntry> bands, string comment = "") =>
        Table(PlacementV1Format.SpotBandsHeader, comment, bands
            .OrderBy(b => b.Cloud.ToWire(), StringComparer.Ordinal)
            .ThenBy(b => b.Region, StringComparer.Ordinal)
            .ThenBy(b => b.InstanceType, StringComparer.Ordinal)
            .Select(b => $"{b.Cloud.ToWire()},{b.Region},{b.InstanceType},{b.Band}"));

    public static string Regions(IEnumerable<RegionInfo> regions, string comment = "") =>
        Table(PlacementV1Format.RegionsHeader, comment, regions
            .OrderBy(r => r.Id.Cloud.ToWire(), StringComparer.Ordinal)
            .ThenBy(r => r.Id.Name, StringComparer.Ordinal)
            .Select(r => $"{r.Id.Cloud.ToWire()},{r.Id.Name},{r.Country},{r.Jurisdiction}"));

    // A key given twice is a caller's bug the validator reports on import; here the last one is written.
    private static string PriceCells(IEnumerable<PriceEntry> row)
    {
        var byCapacity = new Dictionary<CapacityType, Money>();
        foreach (var price in row)
        {
            byCapacity[price.Key.CapacityType] = price.Hourly;
        }
        return string.Join(',', PlacementV1Format.PriceColumns.Select(c =>
            byCapacity.TryGetValue(c.Type, out var hourly) ? NumberText.Format(hourly.Dollars) : ""));
    }

    private static string Table(string header, string comment, IEnumerable<string> rows)
    {
        var text = new StringBuilder();
        text.Append(PlacementV1Format.VersionLine).Append('\n');
        foreach (var line in comment.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            text.Append("# ").Append(line).Append('\n');
        }
        text.Append(header).Append('\n');
        foreach (var row in rows)
        {
            text.Append(row).Append('\n');
        }
        return text.ToString();
    }
}
