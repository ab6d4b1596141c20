using PlacementEngine.Core;

namespace PlacementEngine.Pricing;

/// <summary>
/// AWS Spot Instance Advisor interruption bands (interruption_range_index 0 "&lt;5%" to 4 "&gt;20%") per region and
/// instance type. Linux only: the advisor rates Windows separately, and the scheduler runs Linux nodes.
/// </summary>
internal static class SpotAdvisorBands
{
    private const string Header = "region,os,instance_type,savings_over_ondemand_pct,interruption_range_index,interruption_frequency_label,cores,ram_gb,emr";

    public static List<SpotBandEntry> Read(string sharedDataDirectory, RegionDirectory regions)
    {
        var bands = new List<SpotBandEntry>();
        foreach (var (line, cells) in SharedDataFiles.Rows(sharedDataDirectory, SharedDataFiles.SpotAdvisor, Header))
        {
            if (cells[1] != "Linux")
            {
                continue;
            }
            if (!regions.Contains(new RegionId(Cloud.Aws, cells[0])) || !NumberText.TryParseCount(cells[4], out var band, out _))
            {
                throw new InvalidDataException($"{SharedDataFiles.SpotAdvisor} line {line}: unknown region or band");
            }
            bands.Add(new SpotBandEntry(Cloud.Aws, cells[0], cells[2], band));
        }
        return bands;
    }
}
