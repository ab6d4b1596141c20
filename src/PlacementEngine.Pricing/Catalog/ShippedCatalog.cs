using PlacementEngine.Core;

namespace PlacementEngine.Pricing;

/// <summary>
/// The price catalog shipped in pricing/ (placement-v1 tables). The server loads it as the first price book when its
/// store has none. A broken catalog is a broken installation: loading throws, naming every problem's file and line.
/// </summary>
public static class ShippedCatalog
{
    public const string PricesFile = "prices.csv";
    public const string EgressFile = "egress.csv";
    public const string SpotBandsFile = "spot_bands.csv";
    public const string RegionsFile = "regions.csv";

    /// <exception cref="InvalidDataException">A file is missing, or has problems.</exception>
    public static PriceCatalogData Load(string pricingDirectory)
    {
        var regions = RegionDirectory.Default.With(LoadRegions(pricingDirectory));
        var problems = new List<string>();
        var prices = Read(pricingDirectory, PricesFile, PlacementV1Table.Prices, regions, problems).Prices;
        var egress = Read(pricingDirectory, EgressFile, PlacementV1Table.Egress, regions, problems).Egress;
        var bands = Read(pricingDirectory, SpotBandsFile, PlacementV1Table.SpotBands, regions, problems).SpotBands;
        ThrowIfAny(pricingDirectory, problems);
        return new PriceCatalogData(prices, egress, bands);
    }

    /// <summary>
    /// Region -> country -> jurisdiction of every region the catalog prices. It adds regions the built-in table lacks
    /// (see pricing/README.md); the server should validate imports against the built-in table extended with these.
    /// </summary>
    public static IReadOnlyList<RegionInfo> LoadRegions(string pricingDirectory)
    {
        var problems = new List<string>();
        var content = Parse(pricingDirectory, RegionsFile, PlacementV1Table.Regions, RegionDirectory.Default, problems);
        ThrowIfAny(pricingDirectory, problems);
        return content.Regions;
    }

    private static PriceCatalogData Read(string directory, string file, PlacementV1Table table, RegionDirectory regions, List<string> problems)
    {
        var content = Parse(directory, file, table, regions, problems);
        var options = new ImportValidationOptions { Regions = regions };
        var found = PriceImportValidator.Validate(content.Import.Data, content.Import.Lines, active: null, options);
        problems.AddRange(found.Select(p => $"{file} {p}"));
        return content.Import.Data;
    }

    private static PlacementV1Content Parse(string directory, string file, PlacementV1Table table, RegionDirectory regions, List<string> problems)
    {
        var path = Path.Combine(directory, file);
        if (!File.Exists(path))
        {
            problems.Add($"{file} is missing");
            return new PlacementV1Content(ParsedImport.Empty(0), [], new HashSet<PlacementV1Table>());
        }
        using var stream = File.OpenRead(path);
        var found = new ProblemList();
        var content = PlacementV1Parser.Parse(stream, regions, found, progress: null, CancellationToken.None);
        if (!content.Tables.SetEquals([table]))
        {
            found.Add(0, $"expected exactly one table, the {PlacementV1Format.Name(table)} table");
        }
        problems.AddRange(found.FirstInLineOrder(ImportResult.MaxReportedProblems).Select(p => $"{file} {p}"));
        return content;
    }

    private static void ThrowIfAny(string directory, List<string> problems)
    {
        if (problems.Count > 0)
        {
            throw new InvalidDataException($"the price catalog in {directory} is broken:\n{string.Join('\n', problems.Take(ImportResult.MaxReportedProblems))}");
        }
    }
}
