namespace PlacementEngine.Pricing;

/// <summary>The files under ../shared/data the shipped catalog is derived from (sources and licences in pricing/README.md).</summary>
internal static class SharedDataFiles
{
    public const string AwsPrices = "prices/skypilot_catalog_v9_aws_vms_gpu_subset.csv";
    public const string GcpPrices = "prices/anycloud_catalog_gcp_vms.csv";
    public const string AzurePrices = "prices/anycloud_catalog_azure_vms.csv";
    public const string EgressMatrix = "prices/skyplane_region_to_region_egress_cost.csv";
    public const string SpotAdvisor = "spot/aws_spot_advisor_flat.csv";
    public const string Regions = "regions/sparecores_regions_aws_gcp_azure.csv";

    /// <summary>Data rows of a plain CSV (these files quote nothing), each with its line; blank lines dropped.</summary>
    public static IEnumerable<(int Line, string[] Cells)> Rows(string sharedDataDirectory, string relativePath, string expectedHeader)
    {
        var path = Path.Combine(sharedDataDirectory, relativePath);
        using var lines = File.ReadLines(path).GetEnumerator();
        if (!lines.MoveNext() || lines.Current.Trim() != expectedHeader)
        {
            throw new InvalidDataException($"{relativePath}: expected the header '{expectedHeader}'");
        }
        var columns = expectedHeader.Split(',').Length;
        var number = 1;
        while (lines.MoveNext())
        {
            number++;
            if (lines.Current.Trim().Length == 0)
            {
                continue;
            }
            var cells = lines.Current.Trim().Split(',');
            yield return cells.Length >= columns
                ? (number, cells)
                : throw new InvalidDataException($"{relativePath} line {number}: {cells.Length} cells, expected {columns}");
        }
    }
}
