using Microsoft.Extensions.Logging;
using PlacementEngine.Scheduling;

namespace PlacementEngine.Grains;

/// <summary>Runs <see cref="SchedulingCycle"/> on a timer and when woken; see <see cref="ISchedulerGrain"/>.</summary>
internal sealed partial class SchedulerGrain(
    SchedulingCycle cycle,
    PendingQueue queue,
    SchedulerPresence presence,
    Dispatchers dispatchers,
    GrainRefs grains,
    SchedulerOptions options,
    TimeProvider time,
    ILogger<SchedulerGrain> logger) : Grain, ISchedulerGrain, IRemindable, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private CoalescingRunner? _runner;
    private CycleSummary _last = new(0, 0, 0, 0);
    private TimeSpan _lastCycleTook;

    private CoalescingRunner Runner => _runner ?? throw new InvalidOperationException("the scheduler grain is not active");

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _runner = new CoalescingRunner(RunOnceAsync, ex => LogCycleFailed(logger, ex));
        this.RegisterGrainTimer(() => { _ = Runner.RequestAsync(_stopping.Token); return Task.CompletedTask; }, KeepAlive.Timer(options.CycleInterval, TimeSpan.Zero));
        await KeepAlive.RegisterAsync(this).ConfigureAwait(true);
        presence.IsHere = true;
        LogActive(logger, RuntimeIdentity);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        presence.IsHere = false;
        _stopping.Cancel();
        return Task.CompletedTask;
    }

    public Task WakeAsync()
    {
        _ = Runner.RequestAsync(_stopping.Token);
        return Task.CompletedTask;
    }

    public Task ObserveAsync(Immutable<JobChange> change)
    {
        queue.Observe(change.Value);
        return Task.CompletedTask;
    }

    public async Task<CycleSummary> RunCycleAsync()
    {
        await Runner.RequestAsync(_stopping.Token).ConfigureAwait(true);
        return _last;
    }

    public Task<CycleSummary> LastCycleAsync() => Task.FromResult(_last);

    public Task ReceiveReminder(string reminderName, TickStatus status) => WakeAsync();

    public void Dispose() => _stopping.Dispose();

    private async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var rest = CyclePacing.RestBefore(options.BatchWindow, _lastCycleTook, _last.Considered, _last.Placed + _last.Unschedulable);
        if (rest > TimeSpan.Zero)
        {
            await Task.Delay(rest, time, cancellationToken).ConfigureAwait(true);
        }
        var started = time.GetTimestamp();
        foreach (var executor in dispatchers.Executors)
        {
            // Every cycle, so a cluster whose grain died with its silo is owned again within one cycle interval.
            // Injected references: the cycle runs off the grain's turn, where the grain's own factory is not usable.
            grains.Cluster(executor.Cluster).KeepActiveAsync().Ignore();
        }
        var result = await cycle.RunOnceAsync(cancellationToken).ConfigureAwait(true);
        _lastCycleTook = time.GetElapsedTime(started);
        _last = new CycleSummary(result.Considered, result.Placed, result.Unschedulable, result.Conflicts);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "scheduler grain active on silo {Silo}")]
    private static partial void LogActive(ILogger logger, string silo);

    [LoggerMessage(Level = LogLevel.Error, Message = "scheduling cycle failed; the next one starts from a fresh snapshot")]
    private static partial void LogCycleFailed(ILogger logger, Exception exception);
}
