namespace PlacementEngine.Pricing;

/// <summary>
/// Turns GCP host VM rows and GPU rows into priced nodes, zone by zone (see <see cref="GcpGpuMachines"/>). A node has a
/// price for a capacity type only when both its host and its GPU row have one.
/// </summary>
internal static class GcpNodeCombiner
{
    public static List<ZonalPrice> Combine(IReadOnlyList<ZonalPrice> hosts, IReadOnlyList<GpuRow> gpus, SkippedRows skipped)
    {
        var gpuByShape = gpus.ToDictionary(g => (g.Place, g.Model, g.Count));
        var attachableByPlace = gpus
            .Where(g => GcpGpuMachines.IsAttachable(g.Model))
            .OrderBy(g => g.Model, StringComparer.Ordinal).ThenBy(g => g.Count)
            .ToLookup(g => g.Place, StringComparer.Ordinal);

        var nodes = new List<ZonalPrice>(hosts.Count);
        foreach (var host in hosts)
        {
            if (GcpGpuMachines.TryGetBuiltInGpus(host.InstanceType, out var model, out var count))
            {
                if (gpuByShape.TryGetValue((host.Place, model, count), out var gpu))
                {
                    AddPriced(nodes, WithGpu(host, host.InstanceType, gpu));
                }
                else
                {
                    skipped.HostsWithoutGpuRow++;
                }
                continue;
            }
            if (GcpGpuMachines.IsAcceleratorSeries(host.InstanceType))
            {
                skipped.UnknownAcceleratorMachines++;
                continue;
            }
            nodes.Add(host);
            if (GcpGpuMachines.TakesAttachedGpus(host.InstanceType))
            {
                foreach (var gpu in attachableByPlace[host.Place])
                {
                    AddPriced(nodes, WithGpu(host, GcpGpuMachines.AttachedName(host.InstanceType, gpu.Model, gpu.Count), gpu));
                }
            }
        }
        return nodes;
    }

    private static ZonalPrice WithGpu(ZonalPrice host, string name, GpuRow gpu) =>
        host with { InstanceType = name, OnDemand = host.OnDemand + gpu.OnDemand, Spot = host.Spot + gpu.Spot };

    // Lifted addition leaves a capacity type unpriced when either part is; a node priced for neither is no node.
    private static void AddPriced(List<ZonalPrice> nodes, ZonalPrice node)
    {
        if (node.OnDemand is not null || node.Spot is not null)
        {
            nodes.Add(node);
        }
    }
}
