using System.Text.RegularExpressions;
using PlacementEngine.Core;
using PlacementEngine.Yaml;

namespace PlacementEngine.Server.FleetFiles;

/// <summary>
/// Reads <c>regions</c>: on-prem regions with their country. Cloud regions are not accepted here, so a file cannot
/// move a cloud region into another jurisdiction and quietly weaken a residency rule.
/// </summary>
internal static partial class RegionsReader
{
    private static readonly string[] Keys = ["id", "country"];

    /// <returns>The valid regions, and every id the file declares, so a cluster in a declared but broken region is not
    /// reported a second time as undeclared.</returns>
    public static (IReadOnlyList<RegionInfo> Regions, IReadOnlySet<RegionId> Declared) Read(YamlMap root)
    {
        var regions = new FirstDefinitions<RegionId, RegionInfo>();
        var declared = new HashSet<RegionId>();
        foreach (var entry in root.Maps("regions", Keys))
        {
            var id = ReadId(entry);
            var country = ReadCountry(entry);
            if (id is { } anyId)
            {
                declared.Add(anyId);
            }
            if (id is not { } regionId || country is null)
            {
                continue;
            }
            var info = new RegionInfo(regionId, country, Jurisdiction.ForCountry(country));
            if (!regions.TryAdd(regionId, info, entry.Line, out var first))
            {
                entry.Report("id", $"region '{regionId}' is already declared at line {first.Line}");
            }
        }
        return (regions.All.Select(p => p.Value).ToList(), declared);
    }

    private static RegionId? ReadId(YamlMap entry)
    {
        var text = entry.Text("id", required: true);
        if (text is null)
        {
            return null;
        }
        if (!RegionId.TryParse(text, out var id))
        {
            entry.Report("id", $"'{text}' is not a region; write onprem:<name>, e.g. onprem:fra-dc1");
            return null;
        }
        if (id.Cloud != Cloud.OnPrem)
        {
            entry.Report("id", $"only on-prem regions are declared here; {id.Cloud.ToWire()} regions come from the built-in table");
            return null;
        }
        return id;
    }

    private static string? ReadCountry(YamlMap entry)
    {
        var text = entry.Text("country", required: true);
        if (text is null)
        {
            return null;
        }
        if (!CountryCode().IsMatch(text))
        {
            entry.Report("country", $"'{text}' is not a two-letter ISO country code (e.g. DE, US)");
            return null;
        }
        return text.ToUpperInvariant();
    }

    [GeneratedRegex("^[A-Za-z]{2}$")]
    private static partial Regex CountryCode();
}
