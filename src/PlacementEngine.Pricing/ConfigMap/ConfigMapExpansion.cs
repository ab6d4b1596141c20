using PlacementEngine.Core;

namespace PlacementEngine.Pricing;

/// <summary>
/// Turns a pricing.yaml table into price book entries. The table names no region for an instance price, so it applies
/// (first rule that gives any region):
///   1. in --region, for that region's cloud;
///   2. in every region listed under the same cloud in the table (a cloud's section describes where its clusters run);
///   3. in every region where the active book has an on-demand price for that instance type;
/// and is a problem otherwise. Prices are on-demand: the table has no notion of spot. A region's rate becomes the
/// egress $/GB from it to every other region of the same cloud; moving data between clouds keeps the book's rates.
/// Only the keys named are replaced; the rest of the active book stays.
/// </summary>
internal static class ConfigMapExpansion
{
    public static ParsedImport Expand(
        ConfigMapDocument document,
        PriceImportRequest request,
        PriceCatalogData? active,
        ProblemList problems,
        long linesRead)
    {
        var activeRegions = ActiveOnDemandRegions(document, active);
        var prices = new List<PriceEntry>();
        var priceLines = new List<int>();
        var notes = new List<string>();
        foreach (var price in document.InstancePrices)
        {
            var (regions, why) = TargetRegions(price, document, request.Region, activeRegions);
            if (regions.Count == 0)
            {
                problems.Add(price.Line, $"cannot tell where {CellText.Quote(price.InstanceType)} costs {NumberText.Format(price.Hourly)}: "
                    + $"it is not a known {price.Cloud.ToWire()} region, the table lists no {price.Cloud.ToWire()} region, and the active price book "
                    + $"has no on-demand {price.Cloud.ToWire()} price for it; pass --region {price.Cloud.ToWire()}:<region>");
                continue;
            }
            notes.Add($"{price.Cloud.ToWire()} {price.InstanceType} on-demand {NumberText.Format(price.Hourly)} applies in {string.Join(", ", regions)} ({why})");
            foreach (var region in regions)
            {
                prices.Add(new PriceEntry(new PriceKey(price.Cloud, region, price.InstanceType, CapacityType.OnDemand), Money.Of(price.Hourly)));
                priceLines.Add(price.Line);
            }
        }
        var (egress, egressLines) = EgressFrom(document.RegionRates, request.Validation.Regions);
        var data = new PriceCatalogData(prices, egress, []);
        return new ParsedImport(data, new LineMap(priceLines, egressLines, []), ImportScope.KeysOnly, linesRead, notes);
    }

    private static (IReadOnlyList<string> Regions, string Why) TargetRegions(
        ConfigMapInstancePrice price,
        ConfigMapDocument document,
        RegionId? optionRegion,
        ILookup<(Cloud, string), string> activeRegions)
    {
        if (optionRegion is { } region && region.Cloud == price.Cloud)
        {
            return ([region.Name], "--region");
        }
        var listed = document.RegionRates.Where(r => r.Cloud == price.Cloud).Select(r => r.Region).Distinct().ToList();
        if (listed.Count > 0)
        {
            return (listed, $"the {price.Cloud.ToWire()} regions the table lists");
        }
        return (activeRegions[(price.Cloud, price.InstanceType)].ToList(), "where the active book prices it on demand");
    }

    private static ILookup<(Cloud, string), string> ActiveOnDemandRegions(ConfigMapDocument document, PriceCatalogData? active)
    {
        var wanted = document.InstancePrices.Select(p => (p.Cloud, p.InstanceType)).ToHashSet();
        return (active?.Prices ?? [])
            .Where(p => p.Key.CapacityType == CapacityType.OnDemand && wanted.Contains((p.Key.Cloud, p.Key.InstanceType)))
            .Select(p => p.Key)
            .Distinct()
            .OrderBy(k => k.Region, StringComparer.Ordinal)
            .ToLookup(k => (k.Cloud, k.InstanceType), k => k.Region);
    }

    private static (List<EgressEntry> Egress, List<int> Lines) EgressFrom(IReadOnlyList<ConfigMapRegionRate> rates, RegionDirectory regions)
    {
        var egress = new List<EgressEntry>();
        var lines = new List<int>();
        foreach (var rate in rates)
        {
            var from = new RegionId(rate.Cloud, rate.Region);
            var destinations = regions.All
                .Select(r => r.Id)
                .Where(to => to.Cloud == rate.Cloud && to != from)
                .OrderBy(to => to.Name, StringComparer.Ordinal);
            foreach (var to in destinations)
            {
                egress.Add(new EgressEntry(from, to, Money.Of(rate.PerGb)));
                lines.Add(rate.Line);
            }
        }
        return (egress, lines);
    }
}
