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
    private readonly ConcurrentDictionary<JobId, ConcurrentDictionary<Channel<JobChange>, byte>> _watchers = new();
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
        _watchers.GetOrAdd(id, _ => new()).TryAdd(channel, 0);
        return new Subscription(this, id, channel);
    }

    public void Publish(JobChange change)
    {
        foreach (var listener in _listeners)
        {
            listener(change);
        }
        if (_watchers.TryGetValue(change.Job.Id, out var channels))
        {
            foreach (var channel in channels.Keys)
            {
                channel.Writer.TryWrite(change);
            }
        }
    }

    public sealed class Subscription(JobEventHub hub, JobId id, Channel<JobChange> channel) : IDisposable
    {
        public ChannelReader<JobChange> Reader => channel.Reader;

        public void Dispose()
        {
            if (hub._watchers.TryGetValue(id, out var channels))
            {
                channels.TryRemove(channel, out _);
            }
            channel.Writer.TryComplete();
        }
    }
}
