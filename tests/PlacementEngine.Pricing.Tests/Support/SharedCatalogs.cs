using PlacementEngine.Core;

namespace PlacementEngine.Pricing.Tests;

/// <summary>The shared catalogs and the shipped catalog, read once per test run (the large files take a moment).</summary>
internal static class SharedCatalogs
{
    private static readonly Lazy<RegionDirectory> LazyRegions =
        new(() => RegionDirectory.Default.With(ShippedCatalog.LoadRegions(RepositoryPaths.Pricing)));

    private static readonly Lazy<PriceCatalogData> LazyShipped = new(() => ShippedCatalog.Load(RepositoryPaths.Pricing));

    /// <summary>The built-in region table plus the shipped catalog's additions, as the server should validate with.</summary>
    public static RegionDirectory Regions => LazyRegions.Value;

    public static PriceCatalogData Shipped => LazyShipped.Value;

    public static PriceImportRequest Request(PriceImportFormat? format = null, Cloud? cloud = null) => new()
    {
        Format = format,
        Cloud = cloud,
        Validation = new ImportValidationOptions { Regions = Regions },
    };

    /// <summary>The header and the rows of a shared catalog that match, as one CSV text: a sample that still reads as the real file.</summary>
    public static string Sample(string path, Func<string, bool> keep, int maxRows = int.MaxValue)
    {
        var lines = System.IO.File.ReadLines(path).ToList();
        return string.Join('\n', lines.Take(1).Concat(lines.Skip(1).Where(keep).Take(maxRows))) + "\n";
    }
}
