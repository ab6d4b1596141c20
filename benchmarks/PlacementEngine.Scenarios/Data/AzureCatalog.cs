using PlacementEngine.Core;

namespace PlacementEngine.Scenarios;

/// <summary>
/// anycloud_catalog_azure_vms.csv: one row per (VM size, region) with pay-as-you-go and spot prices; the GPUs are part
/// of the VM size. Sizes with a fraction of a GPU (NVads A10 v5 partitions) cannot take a whole-GPU worker and are
/// skipped, as are CPU-only sizes and rows without any price.
/// </summary>
public static class AzureCatalog
{
    public const string FileName = "anycloud_catalog_azure_vms.csv";

    public static IReadOnlyList<CatalogOffer> Read(string pricesDirectory)
    {
        var table = CsvTable.Read(Path.Combine(pricesDirectory, FileName));
        int type = table.Column("InstanceType"), model = table.Column("AcceleratorName"), count = table.Column("AcceleratorCount");
        int vcpus = table.Column("vCPUs"), memory = table.Column("MemoryGiB"), price = table.Column("Price");
        int spot = table.Column("SpotPrice"), region = table.Column("Region");

        var offers = new List<CatalogOffer>();
        var seen = new HashSet<(string, string)>();
        foreach (var row in table.Rows)
        {
            var gpuModel = GpuModels.Normalize(CsvTable.Cell(row, model));
            var gpus = CsvTable.Decimal(row, count);
            if (gpuModel is null || gpus is not { } g || g < 1m || g != decimal.Truncate(g))
            {
                continue;
            }
            var name = CsvTable.Cell(row, type);
            var regionName = CsvTable.Cell(row, region);
            if (!seen.Add((name, regionName)))
            {
                continue;
            }
            var offer = new CatalogOffer(
                new RegionId(Cloud.Azure, regionName),
                null,
                new InstanceType(name, gpuModel, (int)g, CsvTable.Decimal(row, vcpus) ?? 0m, CsvTable.Decimal(row, memory) ?? 0m),
                CsvTable.Price(row, price),
                CsvTable.Price(row, spot));
            if (offer.OnDemand is not null || offer.Spot is not null)
            {
                offers.Add(offer);
            }
        }
        return offers;
    }
}
