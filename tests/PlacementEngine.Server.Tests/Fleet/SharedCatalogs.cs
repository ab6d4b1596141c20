using System.Globalization;

namespace PlacementEngine.Server.Tests.FleetFiles;

/// <summary>One row of a shared price catalog. GCP GPU rows have an empty instance type and no vCPUs or memory.</summary>
internal sealed record CatalogRow(
    string InstanceType,
    string? GpuModel,
    int GpuCount,
    decimal VCpus,
    decimal MemoryGiB,
    decimal? OnDemand,
    decimal? Spot,
    string Region,
    string? Zone);

/// <summary>
/// The shared catalogs, parsed here independently of the generator script, so the example fleet is checked against
/// the data rather than against the script's reading of it. The files are not quoted; Azure's last column can be
/// "V1,V2", so each parser reads only the leading columns it needs, by position.
/// </summary>
internal static class SharedCatalogs
{
    public static IReadOnlyList<CatalogRow> Aws { get; } =
        // InstanceType,AcceleratorName,AcceleratorCount,vCPUs,MemoryGiB,Price,SpotPrice,Region,AvailabilityZone
        Read("skypilot_catalog_v9_aws_vms_gpu_subset.csv", c => new CatalogRow(c[0], Text(c[1]), Count(c[2]), Number(c[3]), Number(c[4]), Price(c[5]), Price(c[6]), c[7], c[8]));

    public static IReadOnlyList<CatalogRow> Gcp { get; } =
        // InstanceType,vCPUs,MemoryGiB,AcceleratorName,AcceleratorCount,GpuInfo,Region,AvailabilityZone,Price,SpotPrice
        Read("anycloud_catalog_gcp_vms.csv", c => new CatalogRow(c[0], Text(c[3]), Count(c[4]), Number(c[1]), Number(c[2]), Price(c[8]), Price(c[9]), c[6], c[7]));

    public static IReadOnlyList<CatalogRow> Azure { get; } =
        // InstanceType,AcceleratorName,AcceleratorCount,vCPUs,MemoryGiB,GpuInfo,Price,SpotPrice,Region,Generation
        Read("anycloud_catalog_azure_vms.csv", c => new CatalogRow(c[0], Text(c[1]), Count(c[2]), Number(c[3]), Number(c[4]), Price(c[6]), Price(c[7]), c[8], null));

    /// <summary>The single row matching; the GCP file repeats some rows verbatim, which count as one.</summary>
    public static CatalogRow Single(IEnumerable<CatalogRow> rows, Func<CatalogRow, bool> match, string what)
    {
        var found = rows.Where(match).Distinct().ToList();
        Assert.True(found.Count == 1, $"expected one catalog row for {what}, found {found.Count}");
        return found[0];
    }

    private static List<CatalogRow> Read(string fileName, Func<string[], CatalogRow> parse) =>
        File.ReadLines(RepositoryPaths.SharedPrices(fileName))
            .Skip(1)
            .Where(line => line.Length > 0)
            .Select(line => parse(line.Split(',')))
            .ToList();

    private static string? Text(string cell) => cell.Length == 0 ? null : cell;

    private static int Count(string cell) => cell.Length == 0 ? 0 : (int)Number(cell);

    private static decimal Number(string cell) => cell.Length == 0 ? 0m : decimal.Parse(cell, NumberStyles.Number, CultureInfo.InvariantCulture);

    private static decimal? Price(string cell) => cell.Length == 0 ? null : Number(cell);
}
