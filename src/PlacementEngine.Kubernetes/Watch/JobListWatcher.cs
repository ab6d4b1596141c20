using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Logging;
using PlacementEngine.Kubernetes.Client;

namespace PlacementEngine.Kubernetes.Watch;

/// <summary>
/// Lists the selected Jobs, then watches from the list's resource version: reconnects when a stream ends, lists
/// again when the server no longer has that version (410 Gone), and backs off after failures. Runs until cancelled.
/// The package reads the stream; when to list, resume and wait is ours (it has no reflector for typed clients).
/// </summary>
/// <param name="jobs">The client's Jobs API, asked again after each failure (its credentials may have come back).</param>
internal sealed partial class JobListWatcher(
    Func<IBatchV1Operations> jobs,
    string @namespace,
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
                var (listed, version) = await ListAllAsync(cancellationToken);
                await onEvent(new JobsListed(listed), cancellationToken);
                await WatchFromAsync(version, onEvent, backoff, cancellationToken);
            }
            catch (ResourceExpiredException e)
            {
                LogRelisting(logger, cluster, e.Message);
            }
            catch (HttpOperationException e) when (ApiRefusal.From(e) is { IsGone: true } gone)
            {
                LogRelisting(logger, cluster, gone.Message);
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
        var all = new List<V1Job>();
        string? next = null;
        while (true)
        {
            var page = await jobs().ListNamespacedJobAsync(
                @namespace, continueParameter: next, labelSelector: labelSelector, limit: options.ListPageSize, cancellationToken: cancellationToken);
            all.AddRange(page.Items ?? []);
            next = page.Metadata?.ContinueProperty;
            if (string.IsNullOrEmpty(next))
            {
                var version = page.Metadata?.ResourceVersion;
                return string.IsNullOrEmpty(version)
                    ? throw new InvalidOperationException($"the list of Jobs in {@namespace} carries no resourceVersion")
                    : (all, version);
            }
        }
    }

    /// <summary>Returns only by exception: 410 Gone, a failure, or cancellation.</summary>
    private async Task WatchFromAsync(string version, Func<JobEvent, CancellationToken, ValueTask> onEvent, RetryBackoff backoff, CancellationToken cancellationToken)
    {
        while (true)
        {
            var received = 0;
            Exception? streamError = null;
            using var deadline = new CancellationTokenSource(options.WatchTimeout + WatchGrace, time);
            using var watching = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
            try
            {
                var stream = jobs().WatchListNamespacedJobAsync(
                    @namespace,
                    allowWatchBookmarks: true,
                    labelSelector: labelSelector,
                    resourceVersion: version,
                    timeoutSeconds: (int)options.WatchTimeout.TotalSeconds,
                    // ERROR events (410 when the version is too old) and undecodable lines come here, not as exceptions.
                    onError: e => streamError ??= e,
                    cancellationToken: watching.Token);
                await foreach (var (type, job) in stream)
                {
                    received++;
                    backoff.Reset();
                    version = job.Metadata?.ResourceVersion is { Length: > 0 } seen ? seen : version;
                    if (ToJobEvent(type, job) is { } jobEvent)
                    {
                        await onEvent(jobEvent, cancellationToken);
                    }
                }
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                LogWatchStalled(logger, cluster);
            }
            catch (Exception e) when (EndedBeforeAnyEvent(e))
            {
                // The package reads the first line before it hands over the stream; an empty stream is a normal end.
            }
            ThrowIfFailed(streamError);
            if (received == 0)
            {
                // A server that ends every watch at once must not make this loop spin.
                await Task.Delay(options.InitialRetryDelay, time, cancellationToken);
            }
        }
    }

    private static void ThrowIfFailed(Exception? streamError)
    {
        switch (streamError)
        {
            case null:
                return;
            case KubernetesException error when ApiRefusal.From(error) is { IsGone: true } gone:
                throw new ResourceExpiredException(gone.Message);
            default:
                throw new InvalidOperationException($"the watch stream failed: {streamError.Message}", streamError);
        }
    }

    private static bool EndedBeforeAnyEvent(Exception e)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is EndOfStreamException)
            {
                return true;
            }
        }
        return false;
    }

    private static JobEvent? ToJobEvent(WatchEventType type, V1Job job) => type switch
    {
        WatchEventType.Added or WatchEventType.Modified => new JobChanged(job),
        WatchEventType.Deleted => new JobDeleted(job),
        // A bookmark only moves the resource version on; unknown types are skipped as the API conventions ask.
        _ => null,
    };

    /// <summary>The resource version the watch resumed from is older than the server keeps: list again.</summary>
    private sealed class ResourceExpiredException(string message) : Exception(message);
}
