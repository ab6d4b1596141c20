using PlacementEngine.Core;

namespace PlacementEngine.Pricing;

/// <summary>Spot interruption bands: a known region, a valid instance type name, band 0 to 4, each key once.</summary>
internal static class SpotBandChecks
{
    private const int HighestBand = 4;

    public static void Check(IReadOnlyList<SpotBandEntry> bands, IReadOnlyList<int> lines, RegionDirectory regions, List<ImportProblem> problems)
    {
        var firstLines = new Dictionary<(Cloud, string, string), int>(bands.Count);
        for (var i = 0; i < bands.Count; i++)
        {
            var (cloud, region, instanceType, band) = bands[i];
            var line = LineMap.At(lines, i);
            var where = $"{cloud.ToWire()}:{region}/{instanceType}";
            if (!regions.Contains(new RegionId(cloud, region)))
            {
                problems.Add(new(line, $"unknown region {cloud.ToWire()}:{CellText.Quote(region)}: the server's region table does not have it"));
            }
            if (!InstanceTypeNames.IsValid(instanceType))
            {
                problems.Add(new(line, $"instance type {CellText.Quote(instanceType)} is not a valid name"));
            }
            if (band is < 0 or > HighestBand)
            {
                problems.Add(new(line, $"spot band {band} for {where} is not 0 (<5% interrupted a month) to {HighestBand} (>20%)"));
            }
            if (!firstLines.TryAdd((cloud, region, instanceType), line))
            {
                problems.Add(new(line, $"duplicate spot band for {where}: already given at line {firstLines[(cloud, region, instanceType)]}"));
            }
        }
    }
}
