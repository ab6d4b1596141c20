using PlacementEngine.Core;

namespace PlacementEngine.Pricing;

/// <summary>Egress rates: two known, different regions, 0 to the limit, each pair once.</summary>
internal static class EgressEntryChecks
{
    public static void Check(IReadOnlyList<EgressEntry> egress, IReadOnlyList<int> lines, RegionDirectory regions, List<ImportProblem> problems)
    {
        var firstLines = new Dictionary<(RegionId, RegionId), int>(egress.Count);
        for (var i = 0; i < egress.Count; i++)
        {
            var (from, to, rate) = egress[i];
            var line = LineMap.At(lines, i);
            foreach (var region in from == to ? [from] : new[] { from, to })
            {
                if (!regions.Contains(region))
                {
                    problems.Add(new(line, $"unknown region {region.Cloud.ToWire()}:{CellText.Quote(region.Name)}: the server's region table does not have it"));
                }
            }
            if (from == to)
            {
                problems.Add(new(line, $"egress from {from} to itself: moving data within a region is always free"));
            }
            if (rate.IsNegative)
            {
                problems.Add(new(line, $"negative egress rate {rate.Dollars} from {from} to {to}"));
            }
            else if (rate.Dollars > PriceLimits.MaxEgressPerGb)
            {
                problems.Add(new(line, $"egress rate {rate.Dollars} from {from} to {to} is above the limit of {PriceLimits.MaxEgressPerGb} dollars per GB"));
            }
            if (!firstLines.TryAdd((from, to), line))
            {
                problems.Add(new(line, $"duplicate egress rate from {from} to {to}: already given at line {firstLines[(from, to)]}"));
            }
        }
    }
}
