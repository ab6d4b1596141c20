namespace PlacementEngine.Scenarios;

/// <summary>
/// Sizes the pools against the jobs' demand, counted in nodes because every worker rents whole nodes of its own:
/// the queue needs at least one node per worker. The free nodes of the whole fleet are a fixed share of that:
/// <see cref="ContendedSupplyRatio"/> when contended, <see cref="AmpleSupplyRatio"/> otherwise. They are spread over
/// the pools by random weights (0.25 to 1.75), each pool's share rounded up or down at random in proportion to the
/// remainder, so the expected total is exact. Each pool also has nodes already running other work (up to half its
/// free nodes, at least up to one): max nodes = free + used. A pool without free nodes is full, never empty: it
/// runs at least one node of other work.
/// </summary>
internal static class CapacityPlanner
{
    /// <summary>Free nodes for 55% of the workers; residency, GPU models and node shapes leave less that is usable.</summary>
    public const double ContendedSupplyRatio = 0.55;

    /// <summary>Free nodes for twice the workers: most jobs find room, though a popular pool can still fill up.</summary>
    public const double AmpleSupplyRatio = 2.0;

    public static (int[] Free, int[] Used) Plan(IReadOnlyList<PoolDraft> pools, long demandNodes, bool contended, Random random)
    {
        var supply = demandNodes * (contended ? ContendedSupplyRatio : AmpleSupplyRatio);
        var weights = pools.Select(_ => random.Between(0.25, 1.75)).ToArray();
        var totalWeight = weights.Sum();
        var free = new int[pools.Count];
        var used = new int[pools.Count];
        for (var i = 0; i < pools.Count; i++)
        {
            var nodes = supply * weights[i] / totalWeight;
            var whole = Math.Floor(nodes);
            free[i] = (int)whole + (random.NextDouble() < nodes - whole ? 1 : 0);
            used[i] = random.Next(free[i] == 0 ? 1 : 0, Math.Max(1, free[i] / 2) + 1);
        }
        return (free, used);
    }
}
