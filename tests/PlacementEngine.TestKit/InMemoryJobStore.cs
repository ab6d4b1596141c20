using PlacementEngine.Core;
using PlacementEngine.Scheduling;

namespace PlacementEngine.TestKit;

/// <summary>
/// A job store held in memory with the same semantics as the real ones (idempotent submit, version checks,
/// no over-committed pool), for fast scheduling tests. One lock makes each call atomic.
/// </summary>
public sealed class InMemoryJobStore : IJobStore
{
    private readonly object _gate = new();
    private readonly Dictionary<JobId, Job> _jobs = [];
    private readonly Dictionary<JobId, string> _fingerprints = [];
    private readonly Dictionary<JobId, List<StateTransition>> _transitions = [];
    private readonly Dictionary<(JobId, int), AttemptRow> _attempts = [];

    private sealed record AttemptRow(string Team, Placement Placement, AttemptEnd? End);

    public Task<SubmitOutcome> SubmitAsync(Job job, string specFingerprint, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var existing = _jobs.Values.FirstOrDefault(j => j.Team == job.Team && j.IdempotencyKey == job.IdempotencyKey);
            if (existing is not null)
            {
                var same = _fingerprints[existing.Id] == specFingerprint;
                return Task.FromResult(new SubmitOutcome(same ? SubmitStatus.AlreadyExists : SubmitStatus.KeyConflict, existing));
            }
            _jobs[job.Id] = job;
            _fingerprints[job.Id] = specFingerprint;
            _transitions[job.Id] = [StateTransition.Submitted(job)];
            return Task.FromResult(new SubmitOutcome(SubmitStatus.Created, job));
        }
    }

    public Task<Job?> GetAsync(JobId id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_jobs.GetValueOrDefault(id));
        }
    }

    public Task<JobPage> ListAsync(JobQuery query, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var matching = _jobs.Values
                .Where(j => query.Team is null || j.Team == query.Team)
                .Where(j => query.States.Count == 0 || query.States.Contains(j.State))
                .Where(j => j.Spec.Name.Contains(query.NameContains, StringComparison.Ordinal))
                .OrderBy(j => j.CreatedAt).ThenBy(j => j.Id.Value, StringComparer.Ordinal);
            var all = (query.NewestFirst ? matching.Reverse() : matching).ToList();
            var skip = string.IsNullOrEmpty(query.PageToken) ? 0 : int.Parse(query.PageToken, System.Globalization.CultureInfo.InvariantCulture);
            var page = all.Skip(skip).Take(query.PageSize).ToList();
            var next = skip + page.Count < all.Count ? (skip + page.Count).ToString(System.Globalization.CultureInfo.InvariantCulture) : "";
            return Task.FromResult(new JobPage(page, next));
        }
    }

    public Task<IReadOnlyList<Job>> GetByStatesAsync(IReadOnlyCollection<JobState> states, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<Job> jobs = _jobs.Values.Where(j => states.Contains(j.State)).OrderBy(j => j.CreatedAt).ThenBy(j => j.Id.Value, StringComparer.Ordinal).ToList();
            return Task.FromResult(jobs);
        }
    }

    public Task<IReadOnlyList<StateTransition>> GetTransitionsAsync(JobId id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<StateTransition> list = _transitions.TryGetValue(id, out var t) ? t.ToList() : [];
            return Task.FromResult(list);
        }
    }

    public Task<CommitResult> CommitAsync(IReadOnlyList<JobUpdate> updates, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var applied = new List<JobId>();
            var conflicts = new List<JobId>();
            foreach (var update in updates)
            {
                var id = update.Next.Id;
                if (!_jobs.TryGetValue(id, out var current) || current.Version != update.ExpectedVersion
                    || (update.Reservation is { } r && UsedNodes().GetValueOrDefault(r.Pool) + r.Nodes > r.PoolMaxNodes))
                {
                    conflicts.Add(id);
                    continue;
                }
                if (update.Reservation is not null && update.Next.Placement is { } placement)
                {
                    _attempts[(id, update.Next.Attempt)] = new AttemptRow(update.Next.Team, placement, null);
                }
                if (update.AttemptEnd is { } end && _attempts.TryGetValue((id, current.Attempt), out var row))
                {
                    _attempts[(id, current.Attempt)] = row with { End = end };
                }
                _jobs[id] = update.Next;
                _transitions[id].Add(update.Transition);
                applied.Add(id);
            }
            return Task.FromResult(new CommitResult(applied, conflicts));
        }
    }

    public Task<IReadOnlyDictionary<string, int>> GetUsedNodesAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyDictionary<string, int>>(UsedNodes());
        }
    }

    public Task<IReadOnlyDictionary<string, Money>> GetTeamChargesAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var charges = new Dictionary<string, Money>();
            foreach (var row in _attempts.Values)
            {
                charges[row.Team] = charges.GetValueOrDefault(row.Team) + (row.End?.ActualCost ?? row.Placement.Cost.Total);
            }
            return Task.FromResult<IReadOnlyDictionary<string, Money>>(charges);
        }
    }

    public Task<IReadOnlyDictionary<JobState, int>> CountByStateAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyDictionary<JobState, int>>(JobStates.All.ToDictionary(s => s, s => _jobs.Values.Count(j => j.State == s)));
        }
    }

    public Task<IReadOnlyList<SpendRow>> GetSpendAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<SpendRow> rows = _attempts.Values.Where(a => a.End is not null)
                .GroupBy(a => (a.Team, a.Placement.Region, a.Placement.Cluster, a.Placement.CapacityType))
                .Select(g => new SpendRow(g.Key.Team, g.Key.Region.Cloud, g.Key.Region.Name, g.Key.Cluster, g.Key.CapacityType,
                    g.Aggregate(Money.Zero, (sum, a) => sum + a.End!.ActualCost)))
                .ToList();
            return Task.FromResult(rows);
        }
    }

    private Dictionary<string, int> UsedNodes() =>
        _jobs.Values.Where(j => j.State.HoldsCapacity() && j.Placement is not null)
            .GroupBy(j => j.Placement!.Pool)
            .ToDictionary(g => g.Key, g => g.Sum(j => j.Placement!.Nodes));
}
