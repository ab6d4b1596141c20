using PlacementEngine.Core;

namespace PlacementEngine.Scheduling;

/// <summary>
/// The scheduler's in-memory queue of Pending jobs, oldest first, so that a cycle does not re-read every pending job
/// from the store. It is loaded from the store, kept current by every change it observes, and loaded again now and then
/// (<see cref="SchedulerOptions.QueueReloadInterval"/>) to pick up a change written where it could not observe it.
/// A stale entry is harmless: placing it fails the store's version check, and the cycle re-reads the job.
/// <para>
/// A job a cycle could not place is parked, as Kueue sets inadmissible workloads aside: later cycles skip it until
/// something that could admit it happens. Capacity freed by a job that stops holding it, observed here, unparks every
/// job; so do a changed fleet or price book (<see cref="UnparkAll"/>), a newer version of the job, and each reload.
/// Without it a backlog that fits nowhere is solved again on every cycle, for nothing, while submissions wait for CPU.
/// </para>
/// </summary>
public sealed class PendingQueue
{
    private readonly Lock _gate = new();
    private readonly Dictionary<JobId, Job> _jobs = [];
    private readonly SortedSet<Job> _order = new(SubmissionOrder.Instance);
    /// <summary>The queued jobs not parked, in the same order: a cycle takes the oldest without stepping over the parked.</summary>
    private SortedSet<Job> _ready = new(SubmissionOrder.Instance);
    /// <summary>Versions of jobs seen leaving Pending since the last load, so a late echo of an older version cannot re-queue them.</summary>
    private readonly Dictionary<JobId, long> _left = [];
    private Dictionary<JobId, Job>? _observedWhileLoading;
    private readonly ParkedJobs _parked = new();
    private long _freed;

    public bool IsLoaded { get; private set; }

    /// <summary>A queue that observes every change published on <paramref name="events"/>.</summary>
    public static PendingQueue FedBy(JobEventHub events)
    {
        var queue = new PendingQueue();
        events.Listen(queue.Observe);
        return queue;
    }

    /// <summary>Counts the changes seen that freed capacity; a cycle parks jobs only if none came since its snapshot.</summary>
    public long FreedCapacity
    {
        get
        {
            lock (_gate)
            {
                return _freed;
            }
        }
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _jobs.Count;
            }
        }
    }

    /// <summary>Starts a load: changes observed from now until <see cref="CompleteLoad"/> are applied over what the store returns.</summary>
    public void BeginLoad()
    {
        lock (_gate)
        {
            _observedWhileLoading = [];
        }
    }

    /// <summary>Replaces the queue with the store's Pending jobs, then re-applies the newer changes observed during the read.</summary>
    public void CompleteLoad(IReadOnlyList<Job> pending)
    {
        lock (_gate)
        {
            var observed = _observedWhileLoading ?? [];
            _observedWhileLoading = null;
            _jobs.Clear();
            _order.Clear();
            _ready.Clear();
            _left.Clear();
            _parked.Clear();
            foreach (var job in pending)
            {
                Apply(job);
            }
            foreach (var job in observed.Values)
            {
                Apply(job);
            }
            IsLoaded = true;
        }
    }

    /// <summary>A committed change: the job as <see cref="Observe(Job)"/>, and whether it freed capacity for parked jobs.</summary>
    public void Observe(JobChange change)
    {
        if (change.FreesCapacity())
        {
            lock (_gate)
            {
                _freed++;
                UnparkEvery();
            }
        }
        Observe(change.Job);
    }

    /// <summary>A job as some writer left it: queued while Pending, dropped otherwise; an older version never overrides a newer one.</summary>
    public void Observe(Job job)
    {
        lock (_gate)
        {
            if (_observedWhileLoading is { } observed
                && (!observed.TryGetValue(job.Id, out var seen) || seen.Version < job.Version))
            {
                observed[job.Id] = job;
            }
            Apply(job);
        }
    }

    /// <summary>Forgets a job whatever its version, e.g. one the store no longer has.</summary>
    public void Forget(JobId id)
    {
        lock (_gate)
        {
            if (_jobs.Remove(id, out var queued))
            {
                _order.Remove(queued);
                _ready.Remove(queued);
            }
            _parked.Unpark(id);
        }
    }

    /// <summary>The <paramref name="max"/> oldest Pending jobs that are not parked, in submission order.</summary>
    public IReadOnlyList<Job> Oldest(int max)
    {
        lock (_gate)
        {
            return [.. _ready.Take(max)];
        }
    }

    /// <summary>
    /// Sets aside jobs a cycle left unplaced, each still at the version the cycle saw, unless capacity was freed since
    /// that cycle's snapshot (<paramref name="freedAtSnapshot"/> from <see cref="FreedCapacity"/>).
    /// </summary>
    public void Park(IEnumerable<(Job Job, string Reason)> unplaced, long freedAtSnapshot)
    {
        lock (_gate)
        {
            if (freedAtSnapshot != _freed)
            {
                return;
            }
            foreach (var (job, reason) in unplaced)
            {
                if (_jobs.TryGetValue(job.Id, out var queued) && queued.Version == job.Version && _parked.Park(job.Id, reason))
                {
                    _ready.Remove(queued);
                }
            }
        }
    }

    public void UnparkAll()
    {
        lock (_gate)
        {
            UnparkEvery();
        }
    }

    /// <summary>How many parked jobs wait for each reason.</summary>
    public IReadOnlyDictionary<string, int> ParkedByReason()
    {
        lock (_gate)
        {
            return _parked.ByReason();
        }
    }

    public int ParkedCount
    {
        get
        {
            lock (_gate)
            {
                return _parked.Count;
            }
        }
    }

    private void Apply(Job job)
    {
        if (_left.TryGetValue(job.Id, out var leftAt) && leftAt >= job.Version)
        {
            return;
        }
        if (_jobs.TryGetValue(job.Id, out var queued))
        {
            if (queued.Version > job.Version)
            {
                return;
            }
            _order.Remove(queued);
            _ready.Remove(queued);
            _jobs.Remove(job.Id);
            if (queued.Version < job.Version)
            {
                _parked.Unpark(job.Id);
            }
        }
        if (job.State == JobState.Pending)
        {
            _jobs[job.Id] = job;
            _order.Add(job);
            if (!_parked.Contains(job.Id))
            {
                _ready.Add(job);
            }
        }
        else
        {
            _left[job.Id] = job.Version;
        }
    }

    private void UnparkEvery()
    {
        if (_parked.Count == 0)
        {
            return;
        }
        _parked.Clear();
        // From a set of the same order SortedSet copies the tree in linear time.
        _ready = new SortedSet<Job>(_order, SubmissionOrder.Instance);
    }

    /// <summary>Submission order, as the store lists pending jobs: created_at, then id.</summary>
    private sealed class SubmissionOrder : IComparer<Job>
    {
        public static readonly SubmissionOrder Instance = new();

        public int Compare(Job? x, Job? y)
        {
            var byTime = x!.CreatedAt.CompareTo(y!.CreatedAt);
            return byTime != 0 ? byTime : string.CompareOrdinal(x.Id.Value, y.Id.Value);
        }
    }
}
