using PlacementEngine.Core;

namespace PlacementEngine.Scheduling;

/// <summary>
/// Owns one cluster: dispatches its placed jobs, follows them to the end, health-checks the cluster and
/// fails its jobs over when it is declared down.
/// </summary>
public sealed partial class ClusterDispatcher(
    IClusterExecutor executor,
    IJobStore store,
    JobWriter writer,
    FleetState fleet,
    Dispatchers dispatchers,
    AsyncSignal cycleTrigger,
    ISchedulerTelemetry telemetry,
    DispatcherOptions options,
    TimeProvider time)
{
    private int _failedChecks;

    public string Cluster => executor.Cluster;

    public Task RunAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(DispatchLoopAsync(cancellationToken), FollowAsync(cancellationToken), HealthLoopAsync(cancellationToken));

    /// <summary>Dispatches every Placed job of this cluster once. Returns how many were accepted.</summary>
    public Task<int> DispatchPlacedAsync(CancellationToken cancellationToken) => DispatchPlacedAsync(null, cancellationToken);

    /// <summary>As above; <paramref name="accepted"/> hears each job as the executor accepts it, before its Dispatched transition is recorded.</summary>
    public async Task<int> DispatchPlacedAsync(Action<Job>? accepted, CancellationToken cancellationToken)
    {
        var placed = await JobsHereAsync([JobState.Placed], cancellationToken).ConfigureAwait(false);
        var count = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Clamp(options.DispatchConcurrency, 1, 256), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(placed, parallel, async (job, ct) =>
        {
            if (await DispatchOneAsync(job, accepted, ct).ConfigureAwait(false))
            {
                Interlocked.Increment(ref count);
            }
        }).ConfigureAwait(false);
        return count;
    }

    /// <summary>
    /// After a restart, hands attempts that were already out there to the executor again. Dispatch is idempotent,
    /// so a real cluster answers "already exists" and the watch reports their phase; the simulator runs them anew.
    /// </summary>
    public async Task AdoptRunningAsync(CancellationToken cancellationToken)
    {
        foreach (var job in await JobsHereAsync([JobState.Dispatched, JobState.Running], cancellationToken).ConfigureAwait(false))
        {
            await executor.DispatchAsync(RequestFor(job), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Applies one phase change reported by the executor to the job's lifecycle.</summary>
    public async Task ApplyAsync(ExecutionUpdate update, CancellationToken cancellationToken)
    {
        string? preemptedPool = null;
        await writer.UpdateAsync(update.JobId, job =>
        {
            if (job.Attempt != update.Attempt || job.State.IsTerminal() || job.Placement?.Cluster != Cluster)
            {
                return null; // An older attempt, or a job that moved on: nothing to do.
            }
            // The cluster's own time of the change, never later than now: a late watch must not bill extra hours.
            var now = update.At is { } seen && seen <= writer.Now ? seen : writer.Now;
            // The cluster can report an attempt before the dispatcher has recorded handing it over (a fast start races
            // that write): record the hand-over first, or the phase would be dropped and the job stay Dispatched.
            var handover = job.State == JobState.Placed && update.Phase != ExecutionPhase.Pending
                ? writer.Transition(job, JobState.Dispatched, "dispatched; the cluster reported on it before the dispatch was recorded", at: now)
                : null;
            var current = handover?.Next ?? job;
            JobUpdate[]? phase;
            switch (update.Phase)
            {
                case ExecutionPhase.Running when current.State == JobState.Dispatched:
                    phase = [writer.Transition(current, JobState.Running, update.Reason, started: now, at: now)];
                    break;
                case ExecutionPhase.Succeeded or ExecutionPhase.Failed when current.State is JobState.Dispatched or JobState.Running:
                    var to = update.Phase == ExecutionPhase.Succeeded ? JobState.Succeeded : JobState.Failed;
                    phase = [writer.Transition(current, to, update.Reason, AttemptCosts.End(current, to.ToString().ToLowerInvariant(), now, update.RanFor), at: now)];
                    break;
                case ExecutionPhase.Preempted when current.State is JobState.Dispatched or JobState.Running:
                    preemptedPool = current.Placement?.Pool ?? "";
                    phase = Requeue(current, JobState.Preempted, $"spot capacity reclaimed: {update.Reason}", current.Placement?.Pool, update.RanFor);
                    break;
                default:
                    phase = null;
                    break;
            }
            return phase is null ? null : handover is null ? phase : [handover, .. phase];
        }, cancellationToken).ConfigureAwait(false);

        if (preemptedPool is not null)
        {
            telemetry.Preempted(Cluster, preemptedPool);
            cycleTrigger.Set();
        }
    }

    /// <summary>Declares the cluster down: unfinished jobs go back to the queue for other clusters.</summary>
    public async Task FailOverAsync(string why, CancellationToken cancellationToken)
    {
        fleet.SetHealth(Cluster, healthy: false);
        foreach (var job in await JobsHereAsync([JobState.Placed, JobState.Dispatched, JobState.Running], cancellationToken).ConfigureAwait(false))
        {
            await writer.UpdateAsync(job.Id, current =>
                current.State.HoldsCapacity() && current.Placement?.Cluster == Cluster
                    ? Requeue(current, null, $"cluster {Cluster} is down: {why}", blockPool: null)
                    : null, cancellationToken).ConfigureAwait(false);
            telemetry.FailedOver(Cluster);
        }
        cycleTrigger.Set();
    }

    private async Task<bool> DispatchOneAsync(Job job, Action<Job>? accepted, CancellationToken cancellationToken)
    {
        var outcome = await executor.DispatchAsync(RequestFor(job), cancellationToken).ConfigureAwait(false);
        if (outcome.Accepted)
        {
            accepted?.Invoke(job);
            var executorKind = executor.IsSimulated ? "simulator" : "kubernetes";
            await writer.UpdateAsync(job.Id, current =>
                current.State == JobState.Placed && current.Attempt == job.Attempt
                    ? [writer.Transition(current, JobState.Dispatched, $"dispatched to {executorKind} as {outcome.ResourceName}")]
                    : null, cancellationToken).ConfigureAwait(false);
            return true;
        }

        telemetry.DispatchFailed(Cluster, outcome.ErrorCode ?? "unknown");
        if (outcome.Permanent)
        {
            // The cluster refuses this job as written; another attempt would be refused the same way.
            await writer.UpdateAsync(job.Id, current =>
                current.State == JobState.Placed && current.Attempt == job.Attempt
                    ? [writer.Transition(current, JobState.Failed, $"cluster {Cluster} refused the job: {outcome.Error}", AttemptCosts.End(current, "refused", writer.Now))]
                    : null, cancellationToken).ConfigureAwait(false);
        }
        return false;
    }

    private JobUpdate[] Requeue(Job job, JobState? via, string reason, string? blockPool, TimeSpan? ranFor = null)
    {
        var end = AttemptCosts.End(job, via == JobState.Preempted ? "preempted" : "failed-over", writer.Now, ranFor);
        if (via is { } intermediate)
        {
            var first = writer.Transition(job, intermediate, reason, end);
            var (requeued, transition) = JobLifecycle.Requeue(first.Next, "queued for the next attempt", writer.Now, blockPool);
            return [first, new JobUpdate(requeued, transition, first.Next.Version)];
        }
        var (next, direct) = JobLifecycle.Requeue(job, reason, writer.Now, blockPool);
        return [new JobUpdate(next, direct, job.Version, AttemptEnd: end)];
    }

    private DispatchRequest RequestFor(Job job)
    {
        var placement = job.Placement ?? throw new InvalidOperationException($"job {job.Id} has no placement");
        var current = fleet.Current;
        var cluster = current.GetCluster(placement.Cluster);
        if (!current.TryGetPool(placement.Pool, out var pool))
        {
            throw new InvalidOperationException($"job {job.Id} is placed on pool {placement.Pool}, which the fleet no longer has");
        }
        return new DispatchRequest(job.Id, job.Attempt, job.Team, job.Spec, cluster, pool, placement.Nodes);
    }

    private async Task<List<Job>> JobsHereAsync(JobState[] states, CancellationToken cancellationToken)
    {
        var jobs = await store.GetByStatesAsync(states, cancellationToken).ConfigureAwait(false);
        return jobs.Where(j => j.Placement?.Cluster == Cluster).ToList();
    }

    private async Task DispatchLoopAsync(CancellationToken cancellationToken)
    {
        await AdoptRunningAsync(cancellationToken).ConfigureAwait(false);
        var signal = dispatchers.SignalOf(Cluster);
        while (!cancellationToken.IsCancellationRequested)
        {
            await DispatchPlacedAsync(cancellationToken).ConfigureAwait(false);
            await signal.WaitAsync(options.RetryInterval, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Stops an attempt on this cluster; succeeds when it is already gone.</summary>
    public Task CancelAsync(JobId job, int attempt, CancellationToken cancellationToken) => executor.CancelAsync(job, attempt, cancellationToken);

    /// <summary>Follows the cluster and applies what it reports, restarting a broken watch, until cancelled.</summary>
    public async Task FollowAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await foreach (var update in executor.WatchAsync(cancellationToken).ConfigureAwait(false))
                {
                    await ApplyAsync(update, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                telemetry.DispatchFailed(Cluster, "watch");
            }
            await Task.Delay(options.WatchRestartDelay, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task HealthLoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(options.HealthInterval, time, cancellationToken).ConfigureAwait(false);
            await CheckHealthOnceAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>One health check; the threshold-th failure in a row declares the cluster down.</summary>
    public async Task CheckHealthOnceAsync(CancellationToken cancellationToken)
    {
        bool healthy;
        try
        {
            healthy = await executor.CheckHealthAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            healthy = false;
        }
        if (healthy)
        {
            _failedChecks = 0;
            if (fleet.SetHealth(Cluster, healthy: true))
            {
                cycleTrigger.Set();
            }
            return;
        }
        if (++_failedChecks == options.FailureThreshold)
        {
            await FailOverAsync($"{_failedChecks} health checks failed in a row", cancellationToken).ConfigureAwait(false);
        }
    }
}
