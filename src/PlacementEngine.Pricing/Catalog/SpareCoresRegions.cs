using PlacementEngine.Core;

namespace PlacementEngine.Pricing;

/// <summary>
/// Region -> country from the SpareCores region list, the same source as the core's built-in table, plus regions the
/// price catalogs use that the list predates. Jurisdiction follows from the country by the core's rule.
/// </summary>
internal static class SpareCoresRegions
{
    private const string Header = "vendor,region,sc_region_id,name,display_name,country_id,continent,state,city,lat,lon,green_energy,status";

    /// <summary>
    /// Regions the price catalogs use that the SpareCores list lacks: Azure Denmark East (Copenhagen) opened after the
    /// dump; GCP us-central2 (Oklahoma) hosts TPUs and is not offered to everyone. Both countries are the clouds' own.
    /// </summary>
    public static IReadOnlyList<RegionInfo> Supplement { get; } =
    [
        new(new RegionId(Cloud.Azure, "denmarkeast"), "DK", Jurisdiction.ForCountry("DK")),
        new(new RegionId(Cloud.Gcp, "us-central2"), "US", Jurisdiction.ForCountry("US")),
    ];

    public static List<RegionInfo> Read(string sharedDataDirectory)
    {
        var regions = new List<RegionInfo>();
        foreach (var (line, cells) in SharedDataFiles.Rows(sharedDataDirectory, SharedDataFiles.Regions, Header))
        {
            if (cells.Length < 6 || !CloudNames.TryParse(cells[0], out var cloud) || cells[5].Length != 2)
            {
                throw new InvalidDataException($"{SharedDataFiles.Regions} line {line}: expected vendor, region and a country code");
            }
            regions.Add(new RegionInfo(new RegionId(cloud, cells[1]), cells[5], Jurisdiction.ForCountry(cells[5])));
        }
        regions.AddRange(Supplement.Where(s => !regions.Any(r => r.Id == s.Id)));
        return regions;
    }
}
