using PlacementEngine.Core;

namespace PlacementEngine.Pricing;

/// <summary>
/// Egress $/GB between regions from Skyplane's region-to-region matrix (AWS, GCP and Azure), where GCP is named by a
/// zone ("gcp:us-central1-a") that stands for its region. Skyplane's AWS transfer table adds nothing: each of its pairs
/// between regions the book knows is in the matrix at the same rate (pricing/README.md).
/// </summary>
internal static class SkyplaneEgress
{
    private const string MatrixHeader = "src,dest,cost";

    public static List<EgressEntry> Read(string sharedDataDirectory, RegionDirectory regions)
    {
        var rates = new Dictionary<(RegionId, RegionId), EgressEntry>();
        foreach (var (line, cells) in SharedDataFiles.Rows(sharedDataDirectory, SharedDataFiles.EgressMatrix, MatrixHeader))
        {
            var from = RegionOf(cells[0], regions) ?? throw Unknown(SharedDataFiles.EgressMatrix, line, cells[0]);
            var to = RegionOf(cells[1], regions) ?? throw Unknown(SharedDataFiles.EgressMatrix, line, cells[1]);
            var entry = new EgressEntry(from, to, Money.Of(Number(cells[2], SharedDataFiles.EgressMatrix, line)));
            if (!rates.TryAdd((from, to), entry) && rates[(from, to)] != entry)
            {
                throw new InvalidDataException($"{SharedDataFiles.EgressMatrix} line {line}: a second, different rate from {from} to {to}");
            }
        }
        return rates.Values.ToList();
    }

    private static RegionId? RegionOf(string text, RegionDirectory regions)
    {
        if (!RegionId.TryParse(text, out var id))
        {
            return null;
        }
        if (regions.Contains(id))
        {
            return id;
        }
        var zoneSuffix = id.Name.LastIndexOf('-');
        var region = id with { Name = zoneSuffix > 0 ? id.Name[..zoneSuffix] : id.Name };
        return id.Cloud == Cloud.Gcp && id.Name.Length - zoneSuffix == 2 && regions.Contains(region) ? region : null;
    }

    private static decimal Number(string text, string file, int line) =>
        NumberText.TryParseDecimal(text, out var value, out var error) && value >= 0m
            ? value
            : throw new InvalidDataException($"{file} line {line}: {error}");

    private static InvalidDataException Unknown(string file, int line, string region) =>
        new($"{file} line {line}: region {region} is not in the region table");
}
