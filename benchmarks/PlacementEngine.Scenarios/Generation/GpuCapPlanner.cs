namespace PlacementEngine.Scenarios;

/// <summary>
/// Per-cluster GPU caps (a site's power or licence limit). A quarter of the clusters cap the GPU model they have
/// most free GPUs of, at what already runs plus 30% to 60% of those free GPUs (never below one node of it), so the
/// cap binds before the pools fill. GPUs in use count every model, capped or not, from the pools' used nodes.
/// </summary>
internal static class GpuCapPlanner
{
    private const double CappedShare = 0.25;

    public static (Dictionary<string, Dictionary<string, int>> Caps, Dictionary<(string Cluster, string GpuModel), int> InUse) Plan(
        IReadOnlyList<ClusterDraft> clusters,
        IReadOnlyDictionary<PoolDraft, (int Free, int Used)> capacity,
        Random random)
    {
        var caps = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var inUse = new Dictionary<(string, string), int>();
        foreach (var cluster in clusters)
        {
            var byModel = cluster.Pools
                .GroupBy(p => p.Offer.Type.GpuModel!, StringComparer.Ordinal)
                .Select(g => (
                    Model: g.Key,
                    Free: g.Sum(p => capacity[p].Free * p.Offer.Type.GpusPerNode),
                    Used: g.Sum(p => capacity[p].Used * p.Offer.Type.GpusPerNode),
                    SmallestNode: g.Min(p => p.Offer.Type.GpusPerNode)))
                .OrderBy(m => m.Model, StringComparer.Ordinal)
                .ToList();
            foreach (var model in byModel.Where(m => m.Used > 0))
            {
                inUse[(cluster.Name, model.Model)] = model.Used;
            }
            var capped = random.NextDouble() < CappedShare;
            var largest = byModel.OrderByDescending(m => m.Free).ThenBy(m => m.Model, StringComparer.Ordinal).FirstOrDefault();
            if (capped && largest.Free >= 2 * largest.SmallestNode)
            {
                var allowed = Math.Max(largest.SmallestNode, (int)(largest.Free * random.Between(0.3, 0.6)));
                caps[cluster.Name] = new Dictionary<string, int>(StringComparer.Ordinal) { [largest.Model] = largest.Used + allowed };
            }
        }
        return (caps, inUse);
    }
}
