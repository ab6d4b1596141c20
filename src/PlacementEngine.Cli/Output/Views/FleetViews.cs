using System.Globalization;
using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Cli.Output.Views;

/// <summary>"clusters list" and "pools list".</summary>
internal static class FleetViews
{
    public static IReadOnlyList<Block> Clusters(ListClustersResponse response)
    {
        if (response.Clusters.Count == 0)
        {
            return [new LinesBlock(["No clusters found."])];
        }

        return
        [
            new TableBlock(
                null,
                ["NAME", "CLOUD", "REGION", "JURISDICTION", "HEALTHY", "EXECUTOR", "LABELS", "GPU CAPS"],
                [.. response.Clusters.Select(c => (IReadOnlyList<string>)
                [
                    c.Name, Display.Text(c.Cloud), Display.Text(c.Region), Display.Text(c.Jurisdiction),
                    c.Healthy ? "yes" : "no", Display.Text(c.Executor), Display.Labels(c.Labels), Display.GpuCaps(c.GpuCaps),
                ])]),
        ];
    }

    public static IReadOnlyList<Block> Pools(ListPoolsResponse response)
    {
        if (response.Pools.Count == 0)
        {
            return [new LinesBlock(["No pools found."])];
        }

        return
        [
            new TableBlock(
                null,
                ["CLUSTER", "POOL", "INSTANCE", "CAPACITY", "GPUS", "VCPU", "MEMORY GIB", "NODES USED/MAX", "$/H", "ZONE"],
                [.. response.Pools.Select(p => (IReadOnlyList<string>)
                [
                    p.Cluster, p.Name, Display.Text(p.InstanceType), Display.Capacity(p.CapacityType), Gpus(p),
                    Display.Number(p.Vcpus), Display.Number(p.MemoryGib),
                    string.Create(CultureInfo.InvariantCulture, $"{p.UsedNodes}/{p.MaxNodes}"),
                    Display.Dollars(p.HourlyPrice), Display.Text(p.Zone),
                ])]),
        ];
    }

    private static string Gpus(Pool pool) =>
        pool.GpusPerNode > 0 ? string.Create(CultureInfo.InvariantCulture, $"{pool.GpusPerNode} x {Display.Text(pool.GpuModel)}") : Display.None;
}
