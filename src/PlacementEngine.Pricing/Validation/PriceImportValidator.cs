using PlacementEngine.Core;

namespace PlacementEngine.Pricing;

/// <summary>
/// Checks an import's entries on top of what its parser found: regions the server knows, sane and unique prices,
/// and no price jumping more than <see cref="ImportValidationOptions.LargeChangeFactor"/> times above the active one.
/// Any problem rejects the whole import.
/// </summary>
public static class PriceImportValidator
{
    /// <summary>Checks data that came without line numbers: problems name the entry instead (line 0).</summary>
    public static IReadOnlyList<ImportProblem> Validate(PriceCatalogData candidate, PriceBook? active, ImportValidationOptions options) =>
        Validate(candidate, LineMap.None, active, options);

    internal static IReadOnlyList<ImportProblem> Validate(
        PriceCatalogData candidate,
        LineMap lines,
        PriceBook? active,
        ImportValidationOptions options)
    {
        var problems = new List<ImportProblem>();
        if (candidate.Prices.Count == 0 && candidate.Egress.Count == 0 && candidate.SpotBands.Count == 0)
        {
            problems.Add(new ImportProblem(0, "the file has no prices, egress rates or spot bands"));
        }
        PriceEntryChecks.Check(candidate.Prices, lines.Prices, active, options, problems);
        EgressEntryChecks.Check(candidate.Egress, lines.Egress, options.Regions, problems);
        SpotBandChecks.Check(candidate.SpotBands, lines.SpotBands, options.Regions, problems);
        return problems;
    }
}
