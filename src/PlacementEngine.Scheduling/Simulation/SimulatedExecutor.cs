using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using PlacementEngine.Core;

namespace PlacementEngine.Scheduling;

/// <summary>
/// Runs attempts on a clock instead of a cluster: Running after the start-up delay, Succeeded after the
/// estimated runtime, both divided by <see cref="SimulatedExecutorOptions.TimeScale"/>. Always reports itself as
/// simulated. State lives in memory: after a restart, the dispatcher hands running attempts over again.
/// </summary>
public sealed class SimulatedExecutor(string cluster, SimulatedExecutorOptions options, TimeProvider time) : IClusterExecutor, IDisposable
{
    private readonly ConcurrentDictionary<(JobId, int), SimulatedAttempt> _attempts = new();
    private readonly Channel<ExecutionUpdate> _updates = Channel.CreateUnbounded<ExecutionUpdate>();

    public string Cluster => cluster;

    public bool IsSimulated => true;

    public Task<DispatchOutcome> DispatchAsync(DispatchRequest request, CancellationToken cancellationToken)
    {
        var name = DispatchNames.For(request.JobId, request.Attempt);
        var key = (request.JobId, request.Attempt);
        if (_attempts.ContainsKey(key))
        {
            return Task.FromResult(DispatchOutcome.Ok(name));
        }
        var attempt = new SimulatedAttempt(request.JobId, request.Attempt);
        if (_attempts.TryAdd(key, attempt))
        {
            var startup = Scaled(options.StartupDelay);
            var finish = startup + Scaled(request.Spec.EstimatedRuntime);
            attempt.Timers.Add(time.CreateTimer(_ => Report(attempt, ExecutionPhase.Running, "simulated pods running"), null, startup, Timeout.InfiniteTimeSpan));
            attempt.Timers.Add(time.CreateTimer(_ => Report(attempt, ExecutionPhase.Succeeded, "simulated run completed"), null, finish, Timeout.InfiniteTimeSpan));
        }
        return Task.FromResult(DispatchOutcome.Ok(name));
    }

    public Task CancelAsync(JobId job, int attempt, CancellationToken cancellationToken)
    {
        if (_attempts.TryRemove((job, attempt), out var simulated))
        {
            simulated.Stop();
        }
        return Task.CompletedTask;
    }

    /// <summary>Reclaims a simulated spot attempt, as a cloud would.</summary>
    public void Reclaim(JobId job, int attempt)
    {
        if (_attempts.TryGetValue((job, attempt), out var simulated))
        {
            Report(simulated, ExecutionPhase.Preempted, "simulated spot reclaim");
        }
    }

    public async IAsyncEnumerable<ExecutionUpdate> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var attempt in _attempts.Values)
        {
            yield return new ExecutionUpdate(attempt.Job, attempt.Attempt, attempt.Phase, "current phase");
        }
        await foreach (var update in _updates.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return update;
        }
    }

    /// <summary>For tests driving the dispatcher by hand: the next queued phase change, if any.</summary>
    internal bool TryReadUpdate(out ExecutionUpdate update) => _updates.Reader.TryRead(out update!);

    public Task<bool> CheckHealthAsync(CancellationToken cancellationToken) => Task.FromResult(true);

    public void Dispose()
    {
        foreach (var attempt in _attempts.Values)
        {
            attempt.Stop();
        }
        _updates.Writer.TryComplete();
    }

    private void Report(SimulatedAttempt attempt, ExecutionPhase phase, string reason)
    {
        lock (attempt)
        {
            if (attempt.Phase is ExecutionPhase.Succeeded or ExecutionPhase.Failed or ExecutionPhase.Preempted)
            {
                return;
            }
            attempt.Phase = phase;
        }
        if (phase is not ExecutionPhase.Running)
        {
            attempt.Stop();
        }
        var now = time.GetUtcNow();
        if (phase is ExecutionPhase.Running)
        {
            attempt.RunningSince = now;
        }
        // Simulated time runs TimeScale times faster: bill the hours the job would have run, not the wall-clock blink.
        TimeSpan? ranFor = phase is not ExecutionPhase.Running && attempt.RunningSince is { } since
            ? TimeSpan.FromTicks((long)((now - since).Ticks * Math.Max(1, options.TimeScale)))
            : null;
        _updates.Writer.TryWrite(new ExecutionUpdate(attempt.Job, attempt.Attempt, phase, reason, now, ranFor));
    }

    private TimeSpan Scaled(TimeSpan span) => TimeSpan.FromTicks((long)(span.Ticks / Math.Max(1, options.TimeScale)));

    private sealed class SimulatedAttempt(JobId job, int attempt)
    {
        public JobId Job { get; } = job;
        public int Attempt { get; } = attempt;
        public ExecutionPhase Phase { get; set; } = ExecutionPhase.Pending;
        public DateTimeOffset? RunningSince { get; set; }
        public List<ITimer> Timers { get; } = [];

        public void Stop()
        {
            foreach (var timer in Timers)
            {
                timer.Dispose();
            }
        }
    }
}
