using PlacementEngine.Core;
using PlacementEngine.Scheduling;

namespace PlacementEngine.Storage.Postgres.Jobs;

/// <summary>
/// Decides which updates of a batch apply, from the locked rows: the version each job has at that point of the
/// batch, and the nodes held in each reserved pool, both kept current as earlier updates apply, so two
/// reservations in one batch cannot overfill a pool and a job may move twice (Preempted, then Pending).
/// </summary>
internal sealed record CommitPlan(CommitResult Result, IReadOnlyList<(JobUpdate Update, int AttemptBefore)> Writes)
{
    /// <param name="jobs">The locked jobs by id; updated in place as updates apply.</param>
    /// <param name="held">Nodes held per reserved pool; updated in place as updates apply.</param>
    public static CommitPlan Decide(IReadOnlyList<JobUpdate> updates, Dictionary<string, StoredJob> jobs, Dictionary<string, long> held)
    {
        var applied = new List<JobId>();
        var conflicts = new List<JobId>();
        var writes = new List<(JobUpdate, int)>();
        foreach (var update in updates)
        {
            var id = update.Next.Id;
            if (!jobs.TryGetValue(id.Value, out var stored) || stored.Version != update.ExpectedVersion || !Fits(update.Reservation, stored, held))
            {
                conflicts.Add(id);
                continue;
            }
            writes.Add((update, stored.Attempt));
            jobs[id.Value] = Move(stored, update.Next, held);
            applied.Add(id);
        }
        return new CommitPlan(new CommitResult(applied, conflicts), writes);
    }

    /// <summary>The job's own nodes do not count against it: its row is about to be rewritten with the new placement.</summary>
    private static bool Fits(Reservation? reservation, StoredJob stored, Dictionary<string, long> held)
    {
        if (reservation is not { } r)
        {
            return true;
        }
        var others = held[r.Pool] - (stored.HoldingPool == r.Pool ? stored.Nodes : 0);
        return others + r.Nodes <= r.PoolMaxNodes;
    }

    private static StoredJob Move(StoredJob stored, Job next, Dictionary<string, long> held)
    {
        if (stored.HoldingPool is { } before && held.ContainsKey(before))
        {
            held[before] -= stored.Nodes;
        }
        var after = next.State.HoldsCapacity() ? next.Placement?.Pool : null;
        if (after is not null && held.ContainsKey(after))
        {
            held[after] += next.Placement!.Nodes;
        }
        return new StoredJob(stored.Id, next.Version, next.Attempt, after, next.Placement?.Nodes ?? 0);
    }
}
