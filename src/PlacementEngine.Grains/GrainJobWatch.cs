using System.Runtime.CompilerServices;
using System.Threading.Channels;
using PlacementEngine.Core;
using PlacementEngine.Scheduling;

namespace PlacementEngine.Grains;

/// <summary>
/// One WatchJob in a silo: listens on the silo's hub for the changes it commits and, when other silos run, subscribes
/// to the job's grain, wherever it lives, for theirs; then reads the job and its history, then follows. Like
/// <see cref="JobOperations.WatchAsync"/>: changes racing the first read are not repeated. Notifications may arrive
/// twice, out of order or not at all (a silo died), so a gap or a quiet spell is filled from the store.
/// </summary>
internal sealed class GrainJobWatch(GrainRefs grains, JobEventHub events, SiloPeers peers, IJobStore store, JobWatchOptions options) : IJobWatcher
{
    private IJobWatcher? _subscription;
    private JobEventHub.Subscription? _changes;

    public Task OnChangedAsync(Immutable<JobChange> change)
    {
        _changes?.Offer(change.Value);
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<JobChange> RunAsync(JobId id, [EnumeratorCancellation] CancellationToken ct)
    {
        var grain = grains.Job(id.Value);
        using var changes = _changes = events.Subscribe(id);
        try
        {
            await SubscribeIfPeersAsync(grain, ct).ConfigureAwait(false);
            if (await JobOperations.SnapshotAsync(store, id, ct).ConfigureAwait(false) is not { } snapshot)
            {
                yield break;
            }
            yield return snapshot;
            var version = snapshot.Job.Version;
            var state = snapshot.Job.State;
            while (!state.IsTerminal())
            {
                var (change, stopped) = await NextAsync(ct).ConfigureAwait(false);
                if (stopped)
                {
                    yield break;
                }
                if (change is null)
                {
                    await SubscribeIfPeersAsync(grain, ct).ConfigureAwait(false);
                }
                else if (change.Job.Version <= version)
                {
                    continue;
                }
                // A gap (a notification not here yet, or lost) or a quiet spell: the store has every transition.
                var missed = change is null || change.Job.Version > version + 1
                    ? await MissedAsync(id, version, change?.Job.Version - 1, ct).ConfigureAwait(false)
                    : [];
                foreach (var earlier in missed.Append(change).OfType<JobChange>().Where(c => c.Job.Version > version))
                {
                    version = earlier.Job.Version;
                    state = earlier.Job.State;
                    yield return earlier;
                }
            }
        }
        finally
        {
            if (_subscription is { } self)
            {
                // Else the job's grain keeps notifying a watcher that is gone until its lease ends, each call failing.
                grain.UnsubscribeAsync(self).Ignore();
                grains.Factory.DeleteObjectReference<IJobWatcher>(self);
            }
        }
    }

    /// <summary>Subscribes, or renews the lease, where another silo may commit the job's changes; a lone silo's reach it directly.</summary>
    private async Task SubscribeIfPeersAsync(IJobGrain grain, CancellationToken ct)
    {
        if (_subscription is null && !peers.Exist)
        {
            return;
        }
        _subscription ??= grains.Factory.CreateObjectReference<IJobWatcher>(this);
        await grain.SubscribeAsync(_subscription).WaitAsync(ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The next notification, or null when none came within the renewal interval; stopped once the caller cancels.
    /// Waited for without throwing: every watch ends by its caller's cancellation, and the exception that used to
    /// carry it through each layer of the call cost a tenth of the server's time under a watch per submission.
    /// </summary>
    private async Task<(JobChange? Change, bool Stopped)> NextAsync(CancellationToken ct)
    {
        var reader = _changes!.Reader;
        if (reader.TryRead(out var ready))
        {
            return (ready, false);
        }
        using var quiet = CancellationTokenSource.CreateLinkedTokenSource(ct);
        quiet.CancelAfter(options.Renewal);
        var waiting = reader.WaitToReadAsync(quiet.Token).AsTask();
        await ((Task)waiting).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (ct.IsCancellationRequested)
        {
            return (null, true);
        }
        if (waiting.IsCompletedSuccessfully && !waiting.Result)
        {
            throw new ChannelClosedException();
        }
        return (reader.TryRead(out var change) ? change : null, false);
    }

    /// <summary>
    /// The stored transitions after <paramref name="after"/> up to <paramref name="upTo"/> (all, when null), each with
    /// the job as stored now: the store keeps transitions, not every past version of the job.
    /// </summary>
    private async Task<List<JobChange>> MissedAsync(JobId id, long after, long? upTo, CancellationToken ct)
    {
        var job = await store.GetAsync(id, ct).ConfigureAwait(false);
        if (job is null)
        {
            return [];
        }
        var history = await store.GetTransitionsAsync(id, ct).ConfigureAwait(false);
        var last = Math.Min(upTo ?? job.Version, Math.Min(job.Version, history.Count));
        var missed = new List<JobChange>();
        // The n-th transition brought the job to version n.
        for (var v = after + 1; v <= last; v++)
        {
            missed.Add(new JobChange(v == job.Version ? job : job with { Version = v, State = history[(int)v - 1].To }, history[(int)v - 1]));
        }
        return missed;
    }
}
