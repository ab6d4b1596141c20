using PlacementEngine.Core;

namespace PlacementEngine.Scenarios;

/// <summary>
/// anycloud_catalog_gcp_vms.csv: host VM rows per zone, and GPU rows (empty InstanceType) per zone priced for
/// AcceleratorCount GPUs. A GPU node is a host row plus the GPU row of the same zone (<see cref="GcpGpuShapes"/>);
/// each of its two prices exists only when both rows publish it. The file repeats some rows verbatim; the first wins.
/// </summary>
public static class GcpCatalog
{
    public const string FileName = "anycloud_catalog_gcp_vms.csv";

    private sealed record HostRow(string Region, decimal VCpus, decimal MemoryGiB, Money? OnDemand, Money? Spot);

    private sealed record GpuRow(Money? OnDemand, Money? Spot);

    public static IReadOnlyList<CatalogOffer> Read(string pricesDirectory)
    {
        var table = CsvTable.Read(Path.Combine(pricesDirectory, FileName));
        int type = table.Column("InstanceType"), vcpus = table.Column("vCPUs"), memory = table.Column("MemoryGiB");
        int model = table.Column("AcceleratorName"), count = table.Column("AcceleratorCount"), region = table.Column("Region");
        int zone = table.Column("AvailabilityZone"), price = table.Column("Price"), spot = table.Column("SpotPrice");

        var hosts = new Dictionary<(string Type, string Zone), HostRow>();
        var gpus = new Dictionary<(string Model, int Count, string Zone), (string Region, GpuRow Row)>();
        foreach (var row in table.Rows)
        {
            var name = CsvTable.Cell(row, type);
            var zoneName = CsvTable.Cell(row, zone);
            if (name.Length > 0)
            {
                hosts.TryAdd((name, zoneName), new HostRow(CsvTable.Cell(row, region), CsvTable.Decimal(row, vcpus) ?? 0m,
                    CsvTable.Decimal(row, memory) ?? 0m, CsvTable.Price(row, price), CsvTable.Price(row, spot)));
            }
            else if (GpuModels.Normalize(CsvTable.Cell(row, model)) is { } gpuModel && CsvTable.Decimal(row, count) is { } n && n >= 1m && n == decimal.Truncate(n))
            {
                gpus.TryAdd((gpuModel, (int)n, zoneName), (CsvTable.Cell(row, region), new GpuRow(CsvTable.Price(row, price), CsvTable.Price(row, spot))));
            }
        }

        var offers = new List<CatalogOffer>();
        foreach (var ((name, zoneName), host) in hosts)
        {
            if (GcpGpuShapes.TryGetFixed(name, out var fixedGpus) && gpus.TryGetValue((fixedGpus.Model, fixedGpus.Count, zoneName), out var gpu))
            {
                AddIfPriced(offers, zoneName, name, host, fixedGpus.Model, fixedGpus.Count, gpu.Row);
            }
        }
        foreach (var ((gpuModel, n, zoneName), gpu) in gpus)
        {
            if (GcpGpuShapes.N1HostFor(gpuModel, n) is { } hostName && hosts.TryGetValue((hostName, zoneName), out var host))
            {
                AddIfPriced(offers, zoneName, GcpGpuShapes.N1NodeName(hostName, gpuModel, n), host, gpuModel, n, gpu.Row);
            }
        }
        return offers;
    }

    private static void AddIfPriced(List<CatalogOffer> offers, string zone, string name, HostRow host, string model, int count, GpuRow gpu)
    {
        var onDemand = Sum(host.OnDemand, gpu.OnDemand);
        var spot = Sum(host.Spot, gpu.Spot);
        if (onDemand is null && spot is null)
        {
            return;
        }
        var shape = new InstanceType(name, model, count, host.VCpus, host.MemoryGiB);
        offers.Add(new CatalogOffer(new RegionId(Cloud.Gcp, host.Region), zone, shape, onDemand, spot));
    }

    private static Money? Sum(Money? host, Money? gpu) => host is { } h && gpu is { } g ? h + g : null;
}
