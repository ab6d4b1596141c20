using PlacementEngine.Core;
using PlacementEngine.TestKit;

namespace PlacementEngine.Core.Tests.Placement.Fast;

/// <summary>Seeded instances small enough to enumerate: at most 6 jobs on at most 5 pools, with tight joint constraints.</summary>
internal static class TinyInstances
{
    public static PlacementProblem Problem(int seed)
    {
        var random = new Random(seed * 7919);
        var wide = RandomInstances.Problem(seed, clusters: 1 + random.Next(2), jobs: 2 + random.Next(5));
        var pools = wide.Fleet.Pools.Take(1 + random.Next(5)).ToList();
        var fleet = new Core.Fleet(wide.Fleet.Clusters, pools);
        var inUse = new Dictionary<(string, string), int>();
        foreach (var cluster in fleet.Clusters.Where(c => c.GpuCaps.ContainsKey("A100") && random.Next(2) == 0))
        {
            inUse[(cluster.Name, "A100")] = random.Next(0, 9);
        }
        // Budgets about one job's cost make the budget rows bind.
        var budgets = wide.RemainingBudgets.ToDictionary(b => b.Key, _ => Money.Of(random.Next(0, 400)));
        return wide with { Fleet = fleet, RemainingBudgets = budgets, GpusInUse = inUse };
    }
}
