using PlacementEngine.Core;
using PlacementEngine.Scheduling;

namespace PlacementEngine.Metrics;

/// <summary>Turns what the store and the sources report into samples. Pure, so each rule is tested on its own.</summary>
internal static class ScrapeSamples
{
    public const string UsedNodes = "used";
    public const string FreeNodes = "free";

    /// <summary>Every state, zero where no job is in it, so a state's series never disappears.</summary>
    public static IReadOnlyList<ScrapeSample> JobsByState(IReadOnlyDictionary<JobState, int> counts) =>
        [.. JobStates.All.Select(state => new ScrapeSample([StateLabel(state)], counts.GetValueOrDefault(state)))];

    /// <summary>
    /// Rows for the same place are summed: a store that splits them must not produce a duplicate series. Dollars stay
    /// decimal through the sum and become a double (what the exporter holds) only at the end.
    /// </summary>
    public static IReadOnlyList<ScrapeSample> Spend(IReadOnlyList<SpendRow> rows) =>
        [.. rows
            .GroupBy(row => (row.Team, Cloud: row.Cloud.ToWire(), row.Region, row.Cluster, Capacity: row.CapacityType.ToWire()))
            .Select(place => new ScrapeSample(
                [place.Key.Team, place.Key.Cloud, place.Key.Region, place.Key.Cluster, place.Key.Capacity],
                (double)place.Sum(row => row.Dollars.Dollars)))];

    /// <summary>Only teams with a budget; negative once a team has spent past it.</summary>
    public static IReadOnlyList<ScrapeSample> BudgetRemaining(
        IReadOnlyDictionary<string, Money> budgets,
        IReadOnlyDictionary<string, Money> charges) =>
        [.. budgets.Select(budget => new ScrapeSample(
            [budget.Key],
            (double)(budget.Value - charges.GetValueOrDefault(budget.Key, Money.Zero)).Dollars))];

    /// <summary>
    /// Used and free nodes of every pool in the fleet. Nodes held in a pool that has left the fleet are not
    /// reported: without the pool there is no cluster to label them with, and no maximum to subtract from.
    /// </summary>
    public static IReadOnlyList<ScrapeSample> PoolNodes(Fleet fleet, IReadOnlyDictionary<string, int> usedByPool)
    {
        var samples = new List<ScrapeSample>(fleet.Pools.Count * 2);
        foreach (var pool in fleet.Pools)
        {
            var used = usedByPool.GetValueOrDefault(pool.Name);
            samples.Add(new ScrapeSample([pool.Cluster, pool.Name, UsedNodes], used));
            samples.Add(new ScrapeSample([pool.Cluster, pool.Name, FreeNodes], Math.Max(0, pool.MaxNodes - used)));
        }
        return samples;
    }

    /// <summary>The enum name in lower case ("pending", "unschedulable"): every state is a single word.</summary>
    public static string StateLabel(JobState state) => state.ToString().ToLowerInvariant();
}
