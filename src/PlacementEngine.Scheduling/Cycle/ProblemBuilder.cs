using PlacementEngine.Core;

namespace PlacementEngine.Scheduling;

/// <summary>Builds the solver's input from the store and the sources: the snapshot every decision is made on.</summary>
public sealed class ProblemBuilder(IJobStore store, IFleetSource fleet, IPriceSource prices, IBudgetSource budgets)
{
    private static readonly JobState[] ActiveStates = [JobState.Placed, JobState.Dispatched, JobState.Running];

    public async Task<PlacementProblem> BuildAsync(IReadOnlyList<Job> pending, CancellationToken cancellationToken)
    {
        var fleetNow = fleet.Current;
        var charges = await store.GetTeamChargesAsync(cancellationToken).ConfigureAwait(false);
        var active = await store.GetByStatesAsync(ActiveStates, cancellationToken).ConfigureAwait(false);

        var remaining = budgets.Budgets.ToDictionary(
            b => b.Key,
            b => b.Value - charges.GetValueOrDefault(b.Key),
            StringComparer.Ordinal);

        // Nodes and GPUs held come from the same read of the active jobs, so the two always agree.
        var used = new Dictionary<string, int>(StringComparer.Ordinal);
        var gpusInUse = new Dictionary<(string, string), int>();
        foreach (var job in active)
        {
            if (job.Placement is not { } placement)
            {
                continue;
            }
            used[placement.Pool] = used.GetValueOrDefault(placement.Pool) + placement.Nodes;
            if (fleetNow.TryGetPool(placement.Pool, out var pool) && pool.InstanceType.GpuModel is { } model)
            {
                var key = (placement.Cluster, model);
                gpusInUse[key] = gpusInUse.GetValueOrDefault(key) + placement.Nodes * pool.InstanceType.GpusPerNode;
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
