using Microsoft.Extensions.Logging;
using PlacementEngine.Kubernetes.Api;
using PlacementEngine.Kubernetes.Model;

namespace PlacementEngine.Kubernetes.Watch;

/// <summary>
/// Lists the selected Jobs, then watches from the list's resource version: reconnects when a stream ends, lists
/// again when the server no longer has that version (410 Gone), and backs off after failures. Runs until cancelled.
/// </summary>
internal sealed partial class JobListWatcher(
    KubeApiClient api,
    string collectionPath,
    string labelSelector,
    KubernetesExecutorOptions options,
    string cluster,
    TimeProvider time,
    ILogger logger)
{
    // The client gives up on a stream the server should have ended by now: the connection is dead.
    private static readonly TimeSpan WatchGrace = TimeSpan.FromSeconds(30);

    public async Task RunAsync(Func<JobEvent, CancellationToken, ValueTask> onEvent, CancellationToken cancellationToken)
    {
        var backoff = new RetryBackoff(options.InitialRetryDelay, options.MaxRetryDelay);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var (jobs, version) = await ListAllAsync(cancellationToken);
                await onEvent(new JobsListed(jobs), cancellationToken);
                await WatchFromAsync(version, onEvent, backoff, cancellationToken);
            }
            catch (KubernetesApiException e) when (e.IsGone)
            {
                LogRelisting(logger, cluster, e.StatusMessage);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                var delay = backoff.Next();
                LogWatchFailed(logger, cluster, delay, e);
                await Task.Delay(delay, time, cancellationToken);
            }
        }
    }

    private async Task<(List<V1Job> Jobs, string Version)> ListAllAsync(CancellationToken cancellationToken)
    {
        var jobs = new List<V1Job>();
        string? next = null;
        while (true)
        {
            var page = await api.ListAsync<V1Job>(collectionPath, new ListRequest(labelSelector, options.ListPageSize, next), cancellationToken);
            jobs.AddRange(page.Items ?? []);
            next = page.Metadata?.Continue;
            if (string.IsNullOrEmpty(next))
            {
                var version = page.Metadata?.ResourceVersion;
                return string.IsNullOrEmpty(version)
                    ? throw new InvalidOperationException($"the list of {collectionPath} carries no resourceVersion")
                    : (jobs, version);
            }
        }
    }

    /// <summary>Returns only by exception: 410 Gone, a failure, or cancellation.</summary>
    private async Task WatchFromAsync(string version, Func<JobEvent, CancellationToken, ValueTask> onEvent, RetryBackoff backoff, CancellationToken cancellationToken)
    {
        while (true)
        {
            var received = 0;
            using var deadline = new CancellationTokenSource(options.WatchTimeout + WatchGrace, time);
            using var watching = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
            try
            {
                var request = new WatchRequest(labelSelector, version, options.WatchTimeout);
                await foreach (var change in api.WatchAsync<V1Job>(collectionPath, request, watching.Token))
                {
                    received++;
                    backoff.Reset();
                    version = change.Object.Metadata?.ResourceVersion is { Length: > 0 } seen ? seen : version;
                    if (ToJobEvent(change) is { } jobEvent)
                    {
                        await onEvent(jobEvent, cancellationToken);
                    }
                }
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                LogWatchStalled(logger, cluster);
            }
            if (received == 0)
            {
                // A server that ends every watch at once must not make this loop spin.
                await Task.Delay(options.InitialRetryDelay, time, cancellationToken);
            }
        }
    }

    private static JobEvent? ToJobEvent(WatchEvent<V1Job> change) => change.Type switch
    {
        WatchEventTypes.Added or WatchEventTypes.Modified => new JobChanged(change.Object),
        WatchEventTypes.Deleted => new JobDeleted(change.Object),
        // A bookmark only moves the resource version on; unknown types are skipped as the API conventions ask.
        _ => null,
    };
}
