using System.Collections.Concurrent;
using System.Threading.Channels;
using PlacementEngine.Core;

namespace PlacementEngine.Scheduling;

public sealed record JobChange(Job Job, StateTransition? Transition)
{
    /// <summary>On a watch's first change only (the snapshot): the job's transitions up to and including its version.</summary>
    public IReadOnlyList<StateTransition>? History { get; init; }

    /// <summary>The job stopped holding nodes (it ended, or went back to Pending): jobs waiting for capacity may fit now.</summary>
    public bool FreesCapacity() => Transition is { From: { } from } transition && from.HoldsCapacity() && !transition.To.HoldsCapacity();
}

/// <summary>
/// In-process fan-out of committed job changes to watchers (WatchJob streams) and to listeners of every job (the
/// scheduler's pending queue; in a silo, the forwarding to other processes).
/// </summary>
public sealed class JobEventHub
{
    // Copy on write: a job has a watch or two, and every change of every job looks its id up.
    private readonly ConcurrentDictionary<JobId, Channel<JobChange>[]> _watchers = new();
    private volatile Action<JobChange>[] _listeners = [];
    private readonly Lock _listenersGate = new();

    /// <summary>Calls <paramref name="listener"/> with every change published from now on, synchronously: it must be quick and must not throw.</summary>
    public void Listen(Action<JobChange> listener)
    {
        lock (_listenersGate)
        {
            _listeners = [.. _listeners, listener];
        }
    }

    public Subscription Subscribe(JobId id)
    {
        var channel = Channel.CreateUnbounded<JobChange>(new UnboundedChannelOptions { SingleReader = true });
        _watchers.AddOrUpdate(id, _ => [channel], (_, current) => [.. current, channel]);
        return new Subscription(this, id, channel);
    }

    /// <summary>Watches of jobs open now; for operators tracing a job, and for tests.</summary>
    public int WatchCount => _watchers.Values.Sum(channels => channels.Length);

    public void Publish(JobChange change)
    {
        foreach (var listener in _listeners)
        {
            listener(change);
        }
        if (_watchers.TryGetValue(change.Job.Id, out var channels))
        {
            foreach (var channel in channels)
            {
                channel.Writer.TryWrite(change);
            }
        }
    }

    /// <summary>Removes the job's entry with its last watch, so that every job ever watched does not stay behind.</summary>
    private void Unsubscribe(JobId id, Channel<JobChange> channel)
    {
        while (_watchers.TryGetValue(id, out var current))
        {
            var rest = current.Where(c => c != channel).ToArray();
            var done = rest.Length == 0
                ? _watchers.TryRemove(new KeyValuePair<JobId, Channel<JobChange>[]>(id, current))
                : _watchers.TryUpdate(id, rest, current);
            if (done)
            {
                return;
            }
        }
    }

    public sealed class Subscription(JobEventHub hub, JobId id, Channel<JobChange> channel) : IDisposable
    {
        public ChannelReader<JobChange> Reader => channel.Reader;

        /// <summary>A change of the job heard from elsewhere (another process), read in turn with this process's own.</summary>
        public void Offer(JobChange change) => channel.Writer.TryWrite(change);

        public void Dispose()
        {
            hub.Unsubscribe(id, channel);
            channel.Writer.TryComplete();
        }
    }
}
