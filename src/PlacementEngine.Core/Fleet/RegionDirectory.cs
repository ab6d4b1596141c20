using System.Reflection;

namespace PlacementEngine.Core;

public sealed record RegionInfo(RegionId Id, string Country, Jurisdiction Jurisdiction);

/// <summary>
/// Region -> country -> jurisdiction. The default is the table shipped in this assembly, derived from the
/// SpareCores region list (CC BY-SA 4.0) plus azure:denmarkeast and gcp:us-central2, which the shared price
/// catalogs use but that list lacks; fleets add on-prem regions with their country.
/// </summary>
public sealed class RegionDirectory
{
    private readonly Dictionary<RegionId, RegionInfo> _regions;

    public RegionDirectory(IEnumerable<RegionInfo> regions)
    {
        _regions = new Dictionary<RegionId, RegionInfo>();
        foreach (var region in regions)
        {
            _regions[region.Id] = region;
        }
        Jurisdictions = _regions.Values.Select(r => r.Jurisdiction).ToHashSet();
    }

    public static RegionDirectory Default { get; } = LoadEmbedded();

    public IReadOnlySet<Jurisdiction> Jurisdictions { get; }

    public IEnumerable<RegionInfo> All => _regions.Values;

    public bool TryGet(RegionId id, out RegionInfo info) => _regions.TryGetValue(id, out info!);

    public bool Contains(RegionId id) => _regions.ContainsKey(id);

    public RegionDirectory With(IEnumerable<RegionInfo> extra) => new(_regions.Values.Concat(extra));

    private static RegionDirectory LoadEmbedded()
    {
        using var stream = typeof(RegionDirectory).Assembly.GetManifestResourceStream("PlacementEngine.Core.regions.csv")
            ?? throw new InvalidOperationException("regions.csv is missing from the core assembly");
        using var reader = new StreamReader(stream);
        return new RegionDirectory(ParseCsv(reader.ReadToEnd()));
    }

    /// <summary>Rows of "cloud,region,country"; the first line is a header.</summary>
    public static IEnumerable<RegionInfo> ParseCsv(string text)
    {
        foreach (var line in text.Split('\n').Skip(1))
        {
            var cells = line.Trim().Split(',');
            if (cells.Length < 3 || !CloudNames.TryParse(cells[0], out var cloud))
            {
                continue;
            }
            yield return new RegionInfo(new RegionId(cloud, cells[1]), cells[2], Jurisdiction.ForCountry(cells[2]));
        }
    }
}
