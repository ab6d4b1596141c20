using PlacementEngine.Core;

namespace PlacementEngine.Scheduling;

public sealed record ClusterStatus(Cluster Cluster, bool Simulated);

public sealed record PoolStatus(Pool Pool, int UsedNodes, Money? HourlyPrice);

/// <summary>What the API shows of the fleet: clusters with their health, pools with their use and price.</summary>
public sealed class FleetOperations(IFleetSource fleet, IPriceSource prices, IJobStore store, Dispatchers dispatchers)
{
    public IReadOnlyList<ClusterStatus> ListClusters() =>
        fleet.Current.Clusters.Select(c => new ClusterStatus(c, dispatchers.IsSimulated(c.Name))).ToList();

    public async Task<IReadOnlyList<PoolStatus>> ListPoolsAsync(string? cluster, CancellationToken ct)
    {
        var current = fleet.Current;
        var used = await store.GetUsedNodesAsync(ct).ConfigureAwait(false);
        var book = prices.Active;
        return current.Pools
            .Where(p => string.IsNullOrEmpty(cluster) || p.Cluster == cluster)
            .Select(p => new PoolStatus(
                p,
                used.GetValueOrDefault(p.Name),
                book.TryGetHourly(PriceKey.For(current.ClusterOf(p), p), out var price) ? price : null))
            .ToList();
    }

    public bool IsSimulated(string cluster) => dispatchers.IsSimulated(cluster);
}
