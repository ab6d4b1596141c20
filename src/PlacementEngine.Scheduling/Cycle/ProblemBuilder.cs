using PlacementEngine.Core;

namespace PlacementEngine.Scheduling;

/// <summary>Builds the solver's input from the store and the sources: the snapshot every decision is made on.</summary>
public sealed class ProblemBuilder(IJobStore store, IFleetSource fleet, IPriceSource prices, IBudgetSource budgets)
{
    public async Task<PlacementProblem> BuildAsync(IReadOnlyList<Job> pending, CancellationToken cancellationToken)
    {
        var fleetNow = fleet.Current;
        var charges = await store.GetTeamChargesAsync(cancellationToken).ConfigureAwait(false);
        // Summed by the store per pool rather than read job by job: every cycle needs it, and reading (and parsing)
        // every running job's row took most of a cycle's time once thousands ran.
        var used = await store.GetUsedNodesAsync(cancellationToken).ConfigureAwait(false);

        var remaining = budgets.Budgets.ToDictionary(
            b => b.Key,
            b => b.Value - charges.GetValueOrDefault(b.Key),
            StringComparer.Ordinal);

        // GPUs held come from the same read as the nodes held, so the two always agree.
        var gpusInUse = new Dictionary<(string, string), int>();
        foreach (var (poolName, nodes) in used)
        {
            if (fleetNow.TryGetPool(poolName, out var pool) && pool.InstanceType.GpuModel is { } model)
            {
                var key = (pool.Cluster, model);
                gpusInUse[key] = gpusInUse.GetValueOrDefault(key) + nodes * pool.InstanceType.GpusPerNode;
            }
        }

        return new PlacementProblem(
            pending.OrderBy(j => j.CreatedAt).ThenBy(j => j.Id.Value, StringComparer.Ordinal).Select(PendingJob.From).ToList(),
            fleetNow,
            prices.Active,
            used,
            remaining,
            gpusInUse);
    }
}
