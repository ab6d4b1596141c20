using PlacementEngine.Core;
using PlacementEngine.Scheduling;

namespace PlacementEngine.TestKit;

/// <summary>
/// A job store held in memory with the same contract as the real ones (idempotent submit, version checks, no
/// over-committed pool, all-or-nothing batches, keyset page tokens), for fast scheduling tests. The store
/// conformance suite runs against it too. One lock makes each call atomic.
/// </summary>
public sealed partial class InMemoryJobStore : IJobStore
{
    private const int DefaultPageSize = 100;
    private const int MaxPageSize = 1000;

    private readonly object _gate = new();
    private readonly Dictionary<JobId, Job> _jobs = [];
    private readonly Dictionary<(string Team, string Key), JobId> _keys = [];
    private readonly Dictionary<JobId, string> _fingerprints = [];
    private readonly Dictionary<JobId, List<StateTransition>> _transitions = [];
    private readonly Dictionary<(JobId, int), AttemptRow> _attempts = [];

    private sealed record AttemptRow(string Team, Placement Placement, AttemptEnd? End);

    public Task<SubmitOutcome> SubmitAsync(Job job, string specFingerprint, CancellationToken cancellationToken)
    {
        if (job.State != JobState.Pending || job.Placement is not null || job.Attempt != 0)
        {
            throw new ArgumentException($"job {job.Id} is {job.State} at attempt {job.Attempt}; only a new Pending job can be submitted", nameof(job));
        }
        lock (_gate)
        {
            if (_keys.TryGetValue((job.Team, job.IdempotencyKey), out var existingId))
            {
                var same = _fingerprints[existingId] == specFingerprint;
                return Task.FromResult(new SubmitOutcome(same ? SubmitStatus.AlreadyExists : SubmitStatus.KeyConflict, _jobs[existingId]));
            }
            if (!_jobs.TryAdd(job.Id, job))
            {
                throw new InvalidOperationException($"job id {job.Id} is already taken");
            }
            _keys[(job.Team, job.IdempotencyKey)] = job.Id;
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
        var after = InMemoryPageToken.Decode(query.PageToken, query.NewestFirst);
        var pageSize = query.PageSize < 1 ? DefaultPageSize : Math.Min(query.PageSize, MaxPageSize);
        lock (_gate)
        {
            var matching = InSubmissionOrder(_jobs.Values
                .Where(j => query.Team is null || j.Team == query.Team)
                .Where(j => query.States.Count == 0 || query.States.Contains(j.State))
                .Where(j => j.Spec.Name.Contains(query.NameContains, StringComparison.Ordinal)));
            var ordered = query.NewestFirst ? matching.Reverse() : matching;
            var rest = after is { } token ? ordered.SkipWhile(j => !token.IsBefore(j)) : ordered;
            var page = rest.Take(pageSize + 1).ToList();
            if (page.Count <= pageSize)
            {
                return Task.FromResult(new JobPage(page, ""));
            }
            page.RemoveAt(pageSize);
            return Task.FromResult(new JobPage(page, InMemoryPageToken.After(page[^1], query.NewestFirst)));
        }
    }

    public Task<IReadOnlyList<Job>> GetByStatesAsync(IReadOnlyCollection<JobState> states, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<Job> jobs = InSubmissionOrder(_jobs.Values.Where(j => states.Contains(j.State))).ToList();
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

    public Task<IReadOnlyDictionary<string, int>> GetUsedNodesAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyDictionary<string, int>>(UsedNodes());
        }
    }

    /// <summary>Ended attempts at their actual cost; the current attempt of a job holding capacity at its expected cost.</summary>
    public Task<IReadOnlyDictionary<string, Money>> GetTeamChargesAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var charges = new Dictionary<string, Money>(StringComparer.Ordinal);
            foreach (var ((id, attempt), row) in _attempts)
            {
                var job = _jobs[id];
                if (row.End is not null || (attempt == job.Attempt && job.State.HoldsCapacity()))
                {
                    charges[row.Team] = charges.GetValueOrDefault(row.Team) + (row.End?.ActualCost ?? row.Placement.Cost.Total);
                }
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
                .OrderBy(r => r.Team, StringComparer.Ordinal)
                .ThenBy(r => r.Cloud.ToWire(), StringComparer.Ordinal)
                .ThenBy(r => r.Region, StringComparer.Ordinal)
                .ThenBy(r => r.Cluster, StringComparer.Ordinal)
                .ThenBy(r => r.CapacityType.ToWire(), StringComparer.Ordinal)
                .ToList();
            return Task.FromResult(rows);
        }
    }

    private static IOrderedEnumerable<Job> InSubmissionOrder(IEnumerable<Job> jobs) =>
        jobs.OrderBy(j => j.CreatedAt).ThenBy(j => j.Id.Value, StringComparer.Ordinal);

    private Dictionary<string, int> UsedNodes() =>
        _jobs.Values.Where(j => j.State.HoldsCapacity() && j.Placement is not null)
            .GroupBy(j => j.Placement!.Pool)
            .ToDictionary(g => g.Key, g => g.Sum(j => j.Placement!.Nodes));
}
