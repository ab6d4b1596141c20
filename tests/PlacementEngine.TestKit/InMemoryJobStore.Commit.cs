using PlacementEngine.Core;
using PlacementEngine.Scheduling;

namespace PlacementEngine.TestKit;

/// <summary>
/// Commits as the real stores do: in order, each update seeing the earlier ones, and all or nothing: an update
/// that fails (a second first attempt, say) undoes the whole batch, as a rolled-back transaction would.
/// </summary>
public sealed partial class InMemoryJobStore
{
    public Task<CommitResult> CommitAsync(IReadOnlyList<JobUpdate> updates, CancellationToken cancellationToken)
    {
        for (var i = 0; i < updates.Count; i++)
        {
            if (Malformed(updates[i]) is { } problem)
            {
                throw new ArgumentException($"update {i} (job {updates[i].Next.Id}): {problem}", nameof(updates));
            }
        }
        lock (_gate)
        {
            var undo = new List<Action>();
            try
            {
                var applied = new List<JobId>();
                var conflicts = new List<JobId>();
                foreach (var update in updates)
                {
                    (TryApply(update, undo) ? applied : conflicts).Add(update.Next.Id);
                }
                return Task.FromResult(new CommitResult(applied, conflicts));
            }
            catch
            {
                for (var i = undo.Count - 1; i >= 0; i--)
                {
                    undo[i]();
                }
                throw;
            }
        }
    }

    private static string? Malformed(JobUpdate update) => update switch
    {
        _ when update.Transition.JobId != update.Next.Id => "its transition belongs to another job",
        _ when update.Transition.To != update.Next.State => "its transition does not lead to the job's next state",
        { Reservation.Nodes: < 1 } => "it reserves no nodes",
        { Reservation: not null, Next.Placement: null } => "it reserves nodes but the job has no placement",
        { Reservation: { } r, Next.Placement: { } p } when r.Pool != p.Pool || r.Nodes != p.Nodes => "its reservation and placement disagree",
        _ => null,
    };

    private bool TryApply(JobUpdate update, List<Action> undo)
    {
        var id = update.Next.Id;
        if (!_jobs.TryGetValue(id, out var current) || current.Version != update.ExpectedVersion)
        {
            return false;
        }
        if (update.Reservation is { } r && HeldByOthers(r.Pool, id) + r.Nodes > r.PoolMaxNodes)
        {
            return false;
        }
        // Only an open attempt is closed, so a repeated end never bills twice.
        if (update.AttemptEnd is { } end && _attempts.TryGetValue((id, current.Attempt), out var open) && open.End is null)
        {
            _attempts[(id, current.Attempt)] = open with { End = end };
            undo.Add(() => _attempts[(id, current.Attempt)] = open);
        }
        if (update.Reservation is not null)
        {
            var key = (id, update.Next.Placement!.Attempt);
            if (!_attempts.TryAdd(key, new AttemptRow(update.Next.Team, update.Next.Placement, null)))
            {
                throw new InvalidOperationException($"job {id} already has an attempt {key.Attempt}");
            }
            undo.Add(() => _attempts.Remove(key));
        }
        _jobs[id] = update.Next;
        _transitions[id].Add(update.Transition);
        undo.Add(() =>
        {
            _jobs[id] = current;
            _transitions[id].RemoveAt(_transitions[id].Count - 1);
        });
        return true;
    }

    private int HeldByOthers(string pool, JobId id) =>
        _jobs.Values.Where(j => j.Id != id && j.State.HoldsCapacity() && j.Placement?.Pool == pool).Sum(j => j.Placement!.Nodes);
}
