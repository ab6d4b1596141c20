using PlacementEngine.Core;

namespace PlacementEngine.Scheduling;

public sealed record CycleResult(int Considered, int Placed, int Unschedulable, int Conflicts, IReadOnlyDictionary<string, int> PendingByReason);

/// <summary>One scheduling cycle, Kueue-style: decide on a snapshot, write in one place.</summary>
public sealed class SchedulingCycle(
    IJobStore store,
    JobWriter writer,
    ProblemBuilder problems,
    ISolverSelector solvers,
    IFleetSource fleet,
    IPriceSource prices,
    Dispatchers dispatchers,
    ISchedulerTelemetry telemetry,
    TimeProvider time,
    PendingQueue? queue = null,
    SchedulerOptions? options = null)
{
    /// <summary>A queue no one feeds is loaded from the store every cycle.</summary>
    private readonly PendingQueue _queue = queue ?? new PendingQueue();
    private readonly TimeSpan _reloadInterval = queue is null ? TimeSpan.Zero : (options ?? new SchedulerOptions()).QueueReloadInterval;
    private readonly int _maxJobs = Math.Max(1, (options ?? new SchedulerOptions()).MaxJobsPerCycle);
    private long _lastReload;
    private long _seenFleetGeneration;
    private long? _seenPriceVersion; // null until the first cycle: price book versions start at 0

    public async Task<CycleResult> RunOnceAsync(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();

        // 1. Snapshot: a changed fleet or price book gives Unschedulable jobs another look.
        await prices.RefreshAsync(cancellationToken).ConfigureAwait(false);
        await RequeueUnschedulableIfWorldChangedAsync(cancellationToken).ConfigureAwait(false);
        await ReloadQueueIfDueAsync(cancellationToken).ConfigureAwait(false);
        var freedAtSnapshot = _queue.FreedCapacity;
        var parked = _queue.ParkedByReason();
        var pending = _queue.Oldest(_maxJobs);
        var backlog = _queue.Count - parked.Values.Sum() - pending.Count;
        if (pending.Count == 0)
        {
            var waiting = WaitingByReason([], parked, backlog);
            telemetry.CycleCompleted(time.GetElapsedTime(started), waiting);
            return new CycleResult(0, 0, 0, 0, waiting);
        }

        // 2. Build the problem: eligibility and cost per job and pool, free capacity, budgets.
        var problem = await problems.BuildAsync(pending, cancellationToken).ConfigureAwait(false);

        // 3. Solve.
        var solver = solvers.For(problem);
        var solveStarted = time.GetTimestamp();
        var plan = solver.Solve(problem, cancellationToken);
        telemetry.SolveCompleted(solver.Name, time.GetElapsedTime(solveStarted));

        // 4. Commit placements with their reservations, and Unschedulable verdicts, in one transaction.
        var byId = pending.ToDictionary(j => j.Id);
        var now = time.GetUtcNow();
        var updates = new List<JobUpdate>();
        foreach (var assignment in plan.Assignments)
        {
            var job = byId[assignment.Job.Id];
            var placement = assignment.ToPlacement();
            var (next, transition) = JobLifecycle.Place(job, placement, now);
            updates.Add(new JobUpdate(next, transition, job.Version, new Reservation(placement.Pool, placement.Nodes, assignment.Candidate.Pool.MaxNodes)));
        }
        var unschedulable = plan.Unplaced.Where(u => u.NoEligiblePool && !u.Reason.IsTransient()).ToList();
        foreach (var verdict in unschedulable)
        {
            var job = byId[verdict.Job.Id];
            var (next, transition) = JobLifecycle.Transition(job, JobState.Unschedulable, $"{verdict.Reason.ToWire()}: {verdict.Detail}", now);
            updates.Add(new JobUpdate(next, transition, job.Version));
        }
        var committed = await writer.CommitAsync(updates, cancellationToken).ConfigureAwait(false);
        var applied = committed.Applied.ToHashSet();
        await RefreshConflictsAsync(committed.Conflicts, cancellationToken).ConfigureAwait(false);

        // 5. Hand placed jobs to their clusters' dispatchers.
        var placed = plan.Assignments.Where(a => applied.Contains(a.Job.Id)).ToList();
        foreach (var cluster in placed.Select(a => a.Candidate.Cluster.Name).Distinct(StringComparer.Ordinal))
        {
            dispatchers.Wake(cluster);
        }

        // 6. Set aside what still waits until capacity is freed or the world changes; record metrics: time to
        // placement, and why the rest still wait.
        var stillPending = plan.Unplaced.Where(u => !applied.Contains(u.Job.Id) || !unschedulable.Contains(u)).ToList();
        _queue.Park(stillPending.Select(u => (byId[u.Job.Id], u.Reason.ToWire())), freedAtSnapshot);
        foreach (var assignment in placed)
        {
            telemetry.JobPlaced(now - byId[assignment.Job.Id].CreatedAt);
        }
        var pendingByReason = WaitingByReason(stillPending, parked, backlog);
        telemetry.CycleCompleted(time.GetElapsedTime(started), pendingByReason);

        return new CycleResult(pending.Count, placed.Count, unschedulable.Count(u => applied.Contains(u.Job.Id)), committed.Conflicts.Count, pendingByReason);
    }

    /// <summary>Why jobs wait that this cycle did not consider: older jobs filled its <see cref="SchedulerOptions.MaxJobsPerCycle"/>.</summary>
    public const string BacklogReason = "backlog";

    /// <summary>Why every Pending job waits: this cycle's verdicts, parked jobs' last ones, and the backlog.</summary>
    private static Dictionary<string, int> WaitingByReason(IEnumerable<Unplaced> unplaced, IReadOnlyDictionary<string, int> parked, int backlog)
    {
        var waiting = unplaced.GroupBy(u => u.Reason.ToWire()).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var (reason, count) in parked)
        {
            waiting[reason] = waiting.GetValueOrDefault(reason) + count;
        }
        if (backlog > 0)
        {
            waiting[BacklogReason] = backlog;
        }
        return waiting;
    }

    private async Task ReloadQueueIfDueAsync(CancellationToken cancellationToken)
    {
        if (_queue.IsLoaded && _reloadInterval > TimeSpan.Zero && time.GetElapsedTime(_lastReload) < _reloadInterval)
        {
            return;
        }
        _lastReload = time.GetTimestamp();
        _queue.BeginLoad();
        var pending = await store.GetByStatesAsync([JobState.Pending], cancellationToken).ConfigureAwait(false);
        _queue.CompleteLoad(pending);
    }

    /// <summary>A job another writer changed since the queue saw it: the queue takes the stored job, or forgets a vanished one.</summary>
    private async Task RefreshConflictsAsync(IReadOnlyList<JobId> conflicts, CancellationToken cancellationToken)
    {
        foreach (var id in conflicts)
        {
            if (await store.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } job)
            {
                _queue.Observe(job);
            }
            else
            {
                _queue.Forget(id);
            }
        }
    }

    private async Task RequeueUnschedulableIfWorldChangedAsync(CancellationToken cancellationToken)
    {
        var generation = fleet.Generation;
        var priceVersion = prices.Active.Version;
        if (generation == _seenFleetGeneration && priceVersion == _seenPriceVersion)
        {
            return;
        }
        _queue.UnparkAll();
        var reason = _seenPriceVersion is { } seen && priceVersion != seen ? $"price book {priceVersion} is active" : "the fleet changed";
        var stuck = await store.GetByStatesAsync([JobState.Unschedulable], cancellationToken).ConfigureAwait(false);
        var updates = stuck.Select(job => writer.Transition(job, JobState.Pending, $"looked at again: {reason}")).ToList();
        // Jobs another writer changed meanwhile are skipped; they are seen again at the next change, nothing is lost.
        await writer.CommitAsync(updates, cancellationToken).ConfigureAwait(false);
        _seenFleetGeneration = generation;
        _seenPriceVersion = priceVersion;
    }
}
