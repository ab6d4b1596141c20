using Microsoft.Extensions.Logging;
using PlacementEngine.Core;
using PlacementEngine.Scheduling;

namespace PlacementEngine.Grains;

/// <summary>Owns one cluster's <see cref="ClusterDispatcher"/> (and through it the executor); see <see cref="IClusterGrain"/>.</summary>
internal sealed partial class ClusterGrain(
    IReadOnlyList<ClusterDispatcher> dispatchers,
    DispatcherOptions options,
    ILogger<ClusterGrain> logger) : Grain, IClusterGrain, IRemindable, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private ClusterDispatcher? _dispatcher;
    private CoalescingRunner? _dispatch;
    private Task _follow = Task.CompletedTask;
    private bool _adopted;

    private string Cluster => this.GetPrimaryKeyString();

    private ClusterDispatcher Dispatcher => _dispatcher ?? throw new InvalidOperationException($"cluster {Cluster} is not in the fleet");

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _dispatcher = dispatchers.FirstOrDefault(d => d.Cluster == Cluster);
        if (_dispatcher is null)
        {
            // A cluster taken out of the fleet: its reminder would wake this grain every minute for nothing.
            LogUnknownCluster(logger, Cluster);
            await KeepAlive.UnregisterAsync(this).ConfigureAwait(true);
            DeactivateOnIdle();
            return;
        }
        _dispatch = new CoalescingRunner(DispatchOnceAsync, ex => LogDispatchFailed(logger, Cluster, ex));
        _follow = Task.Run(() => _dispatcher.FollowAsync(_stopping.Token), CancellationToken.None);
        this.RegisterGrainTimer(() => { _ = _dispatch.RequestAsync(_stopping.Token); return Task.CompletedTask; }, KeepAlive.Timer(options.RetryInterval, TimeSpan.Zero));
        this.RegisterGrainTimer(
            () => Task.Run(() => _dispatcher.CheckHealthOnceAsync(_stopping.Token), CancellationToken.None),
            KeepAlive.Timer(options.HealthInterval));
        await KeepAlive.RegisterAsync(this).ConfigureAwait(true);
        LogActive(logger, Cluster, RuntimeIdentity);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(true);
        try
        {
            await _follow.ConfigureAwait(true);
        }
        catch (OperationCanceledException)
        {
            // Stopped following: the cluster's next owner follows it from the start.
        }
    }

    public Task WakeAsync()
    {
        _ = _dispatch?.RequestAsync(_stopping.Token);
        return Task.CompletedTask;
    }

    public Task KeepActiveAsync() => Task.CompletedTask;

    public Task DispatchAsync() =>
        (_dispatch ?? throw new InvalidOperationException($"cluster {Cluster} is not in the fleet")).RequestAsync(_stopping.Token);

    public Task CancelAttemptAsync(string jobId, int attempt) =>
        Task.Run(() => Dispatcher.CancelAsync(new JobId(jobId), attempt, _stopping.Token), CancellationToken.None);

    public Task ReceiveReminder(string reminderName, TickStatus status) => WakeAsync();

    public void Dispose() => _stopping.Dispose();

    /// <summary>A fresh owner first hands the attempts already out there to the executor again (dispatch is idempotent).</summary>
    private async Task DispatchOnceAsync(CancellationToken cancellationToken)
    {
        if (!_adopted)
        {
            await Dispatcher.AdoptRunningAsync(cancellationToken).ConfigureAwait(true);
            _adopted = true;
        }
        // One line per hand-over, so an operator (and the scale-out tests) can see which silo dispatched what, and when.
        // The name is read here: the callback runs on the dispatcher's threads, outside the grain's turn.
        var cluster = Cluster;
        await Dispatcher.DispatchPlacedAsync(job => LogDispatched(logger, job.Id.Value, job.Attempt, cluster), cancellationToken).ConfigureAwait(true);
    }

    // Operators (and the failover tests) learn from it which silo owns a cluster's executor now.
    [LoggerMessage(Level = LogLevel.Information, Message = "cluster grain {Cluster} active on silo {Silo}")]
    private static partial void LogActive(ILogger logger, string cluster, string silo);

    // Debug: at a thousand placements a second an information line each would cost the service real CPU.
    [LoggerMessage(Level = LogLevel.Debug, Message = "dispatched job {Job} attempt {Attempt} to cluster {Cluster}")]
    private static partial void LogDispatched(ILogger logger, string job, int attempt, string cluster);

    [LoggerMessage(Level = LogLevel.Warning, Message = "cluster grain {Cluster}: no such cluster in the fleet; its reminder is removed")]
    private static partial void LogUnknownCluster(ILogger logger, string cluster);

    [LoggerMessage(Level = LogLevel.Error, Message = "dispatch to cluster {Cluster} failed; retried on the next wake or timer")]
    private static partial void LogDispatchFailed(ILogger logger, string cluster, Exception exception);
}
