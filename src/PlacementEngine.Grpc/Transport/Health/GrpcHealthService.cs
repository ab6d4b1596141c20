using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Grpc.Health.V1;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace PlacementEngine.Grpc.Transport;

/// <summary>
/// Serving status for grpc.health.v1: "" is the server as a whole; each registered service reports the overall status
/// unless it was given its own. At shutdown everything turns NOT_SERVING so load balancers stop sending calls.
/// </summary>
public sealed class GrpcHealthService
{
    private readonly object _gate = new();
    private readonly Dictionary<string, ServingStatus> _explicit = new(StringComparer.Ordinal);
    private readonly List<ChannelWriter<bool>> _watchers = [];
    private ServingStatus _overall = ServingStatus.Serving;
    private bool _shuttingDown;

    /// <summary>Sets the status of one service, or of the whole server for "".</summary>
    public void SetStatus(string service, ServingStatus status)
    {
        ArgumentNullException.ThrowIfNull(service);
        lock (_gate)
        {
            if (service.Length == 0)
            {
                _overall = status;
            }
            else
            {
                _explicit[service] = status;
            }
        }
        NotifyWatchers();
    }

    /// <summary>From now on every service reports NOT_SERVING, whatever was set before.</summary>
    public void EnterShutdown()
    {
        lock (_gate)
        {
            _shuttingDown = true;
        }
        NotifyWatchers();
    }

    /// <summary>The status of a service, or null when the server has no such service (NOT_FOUND in Check).</summary>
    public ServingStatus? GetStatus(string service, Func<string, bool> isKnownService)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(isKnownService);
        lock (_gate)
        {
            ServingStatus? status = service.Length == 0 ? _overall
                : _explicit.TryGetValue(service, out var own) ? own
                : isKnownService(service) ? _overall
                : null;
            return _shuttingDown && status is not null ? ServingStatus.NotServing : status;
        }
    }

    /// <summary>The current status, then each change, until cancelled. An unknown service reads SERVICE_UNKNOWN, as the spec says.</summary>
    public async IAsyncEnumerable<ServingStatus> WatchAsync(
        string service,
        Func<string, bool> isKnownService,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // One pending signal is enough: the watcher re-reads the status after each wake-up, so no change is lost.
        var changed = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        lock (_gate)
        {
            _watchers.Add(changed.Writer);
        }
        try
        {
            ServingStatus? last = null;
            while (true)
            {
                var current = GetStatus(service, isKnownService) ?? ServingStatus.ServiceUnknown;
                if (current != last)
                {
                    last = current;
                    yield return current;
                }
                await changed.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            lock (_gate)
            {
                _watchers.Remove(changed.Writer);
            }
        }
    }

    private void NotifyWatchers()
    {
        ChannelWriter<bool>[] watchers;
        lock (_gate)
        {
            watchers = [.. _watchers];
        }
        foreach (var watcher in watchers)
        {
            watcher.TryWrite(true);
        }
    }
}
