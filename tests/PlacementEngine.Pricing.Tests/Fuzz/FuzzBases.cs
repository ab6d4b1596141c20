using System.Globalization;
using PlacementEngine.Core;

namespace PlacementEngine.Pricing.Tests;

/// <summary>A valid CSV file to mutate, with where its columns are and which rows a mutation may pick.</summary>
/// <param name="HeaderLine">1-based line of the column header.</param>
/// <param name="SwapColumns">Two columns whose swap always breaks a row (a number into a name and back).</param>
/// <param name="MutableLines">Rows every check applies to: priced, and not of a kind the importer skips (TPUs).</param>
/// <param name="TracksActive">Its keys are in the fuzz's active book, so a 25-fold price is a large rise.</param>
internal sealed record CsvBase(
    string Name,
    string[] Lines,
    PriceImportRequest Request,
    int HeaderLine,
    int ColumnCount,
    int RegionColumn,
    int[] PriceColumns,
    (int A, int B) SwapColumns,
    IReadOnlyList<int> MutableLines,
    bool TracksActive);

/// <summary>A valid YAML price table to mutate; <see cref="TableIndent"/> is the indentation of its entries.</summary>
internal sealed record YamlBase(string Name, string[] Lines, PriceImportRequest Request, string TableIndent);

/// <summary>The valid files the fuzz test starts from, and the active book they are checked against.</summary>
internal static class FuzzBases
{
    private static readonly PriceImportRequest Detect = SharedCatalogs.Request();

    public static string AwsText { get; } = File.ReadAllText(RepositoryPaths.AwsCatalog);

    public static string GcpText { get; } = SharedCatalogs.Sample(RepositoryPaths.GcpCatalog, l => l.Contains(",us-central1-a,", StringComparison.Ordinal));

    public static string AzureText { get; } = SharedCatalogs.Sample(RepositoryPaths.AzureCatalog, l => l.Contains(",eastus,", StringComparison.Ordinal), maxRows: 400);

    /// <summary>The three SkyPilot files imported one after the other: every key the other bases name is in it.</summary>
    public static PriceCatalogData Active { get; } = BuildActive();

    public static IReadOnlyList<CsvBase> Csv { get; } =
    [
        SkyPilot("aws", AwsText, CatalogHeaders.Aws, regionColumn: 7, priceColumns: [5, 6]),
        SkyPilot("gcp", GcpText, CatalogHeaders.Gcp, regionColumn: 6, priceColumns: [8, 9]),
        SkyPilot("azure", AzureText, CatalogHeaders.Azure, regionColumn: 8, priceColumns: [6, 7]),
        V1Prices(),
        V1Egress(),
    ];

    public static IReadOnlyList<YamlBase> Yaml { get; } =
    [
        new("configmap", Split(File.ReadAllText(RepositoryPaths.ExampleConfigMap)), Detect with { FileName = "pricing-configmap.yaml" }, "      "),
        new("bare-table", Split(BareTable()), Detect with { Format = PriceImportFormat.ConfigMap }, "  "),
    ];

    public static string[] Split(string text) => text.TrimEnd('\n').Split('\n');

    public static string Join(IEnumerable<string> lines) => string.Join('\n', lines) + "\n";

    private static CsvBase SkyPilot(string cloud, string text, string header, int regionColumn, int[] priceColumns)
    {
        var lines = Split(text);
        Assert.Equal(header, lines[0]);
        var mutable = Enumerable.Range(2, lines.Length - 1)
            .Where(n => lines[n - 1].Split(',') is var cells
                && priceColumns.Any(c => cells[c].Length > 0)
                && !cells[0].StartsWith("tpu", StringComparison.Ordinal) && !(cells[0].Length == 0 && cells[3].StartsWith("tpu", StringComparison.Ordinal)))
            .ToList();
        var request = Detect with { FileName = $"catalog_{cloud}_vms.csv" };
        return new CsvBase($"skypilot-{cloud}", lines, request, 1, header.Split(',').Length, regionColumn, priceColumns,
            (regionColumn, priceColumns[0]), mutable, TracksActive: false);
    }

    private static CsvBase V1Prices()
    {
        var prices = Active.Prices.Where(p => p.Key.Region is "us-east-1" or "us-central1" or "eastus").Take(600);
        var lines = Split(PlacementV1Writer.Prices(prices));
        var mutable = Enumerable.Range(3, lines.Length - 2)
            .Where(n => lines[n - 1].Split(',')[3] is { Length: > 0 } onDemand && decimal.Parse(onDemand, CultureInfo.InvariantCulture) > 0m)
            .ToList();
        return new CsvBase("placement-v1-prices", lines,
            // A subset of the active prices, so it removes most of them: what the fuzz checks is line-level problems.
            Detect with { FileName = "prices.csv", Validation = Detect.Validation with { AllowRemovals = true } }, 2, 6, 1, [3, 4, 5], (0, 2), mutable, TracksActive: true);
    }

    private static CsvBase V1Egress()
    {
        var egress = ShippedCatalog.Load(RepositoryPaths.Pricing).Egress.Where(e => e.From.Cloud == Cloud.Aws).Take(120);
        var lines = Split(PlacementV1Writer.Egress(egress));
        return new CsvBase("placement-v1-egress", lines, Detect with { Format = PriceImportFormat.PlacementV1 }, 2, 3, 0, [2], (0, 2),
            Enumerable.Range(3, lines.Length - 2).ToList(), TracksActive: false);
    }

    private static string BareTable()
    {
        var lines = Split(File.ReadAllText(RepositoryPaths.ExampleConfigMap));
        var start = Array.FindIndex(lines, l => l.Contains("pricing.yaml: |", StringComparison.Ordinal)) + 1;
        return Join(lines.Skip(start).Select(l => l.Length >= 4 ? l[4..] : l));
    }

    private static PriceCatalogData BuildActive()
    {
        PriceCatalogData? active = null;
        foreach (var text in new[] { AwsText, GcpText, AzureText })
        {
            active = Imports.Accepted(Imports.Text(text, Detect, active));
        }
        return active!;
    }
}
