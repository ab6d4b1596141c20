using PlacementEngine.Core;

namespace PlacementEngine.Scenarios;

/// <summary>
/// skypilot_catalog_v9_aws_vms_gpu_subset.csv: one row per (instance type, zone) with on-demand and spot prices.
/// Blank prices (newer types without a published spot price) are left out; CPU-only types are skipped because every
/// trace job asks for GPUs.
/// </summary>
public static class AwsCatalog
{
    public const string FileName = "skypilot_catalog_v9_aws_vms_gpu_subset.csv";

    public static IReadOnlyList<CatalogOffer> Read(string pricesDirectory)
    {
        var table = CsvTable.Read(Path.Combine(pricesDirectory, FileName));
        int type = table.Column("InstanceType"), model = table.Column("AcceleratorName"), count = table.Column("AcceleratorCount");
        int vcpus = table.Column("vCPUs"), memory = table.Column("MemoryGiB"), price = table.Column("Price");
        int spot = table.Column("SpotPrice"), region = table.Column("Region"), zone = table.Column("AvailabilityZone");

        var offers = new List<CatalogOffer>();
        foreach (var row in table.Rows)
        {
            var gpuModel = GpuModels.Normalize(CsvTable.Cell(row, model));
            var gpus = CsvTable.Decimal(row, count);
            if (gpuModel is null || gpus is not { } g || g < 1m || g != decimal.Truncate(g))
            {
                continue;
            }
            var shape = new InstanceType(CsvTable.Cell(row, type), gpuModel, (int)g, CsvTable.Decimal(row, vcpus) ?? 0m, CsvTable.Decimal(row, memory) ?? 0m);
            var offer = new CatalogOffer(
                new RegionId(Cloud.Aws, CsvTable.Cell(row, region)),
                CsvTable.Cell(row, zone),
                shape,
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
