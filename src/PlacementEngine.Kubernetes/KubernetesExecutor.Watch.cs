using System.Runtime.CompilerServices;
using System.Threading.Channels;
using PlacementEngine.Kubernetes.Jobs;
using PlacementEngine.Kubernetes.Watch;
using PlacementEngine.Scheduling;

namespace PlacementEngine.Kubernetes;

public sealed partial class KubernetesExecutor
{
    // Enough to absorb a full re-list of a busy cluster without holding the watch back.
    private const int UpdateBufferSize = 1024;

    public async IAsyncEnumerable<ExecutionUpdate> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var updates = Channel.CreateBounded<ExecutionUpdate>(new BoundedChannelOptions(UpdateBufferSize) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(() => ProduceAsync(updates.Writer, stop.Token), CancellationToken.None);
        try
        {
            await foreach (var update in updates.Reader.ReadAllAsync(cancellationToken))
            {
                yield return update;
            }
        }
        finally
        {
            await stop.CancelAsync();
            await producer;
        }
    }

    /// <summary>Turns observed Jobs into phase changes; each watch has its own memory of what it reported.</summary>
    private async Task ProduceAsync(ChannelWriter<ExecutionUpdate> writer, CancellationToken cancellationToken)
    {
        var tracker = new AttemptPhaseTracker();
        try
        {
            await _watcher.RunAsync(
                async (jobEvent, token) =>
                {
                    foreach (var update in Apply(tracker, jobEvent))
                    {
                        await writer.WriteAsync(update, token);
                    }
                },
                cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            writer.TryComplete();
        }
        catch (Exception e)
        {
            // Not expected (the watcher retries every failure), but the reader must not wait forever on it.
            writer.TryComplete(e);
        }
    }

    private static IEnumerable<ExecutionUpdate> Apply(AttemptPhaseTracker tracker, JobEvent jobEvent) => jobEvent switch
    {
        JobsListed listed => tracker.Listed(listed.Jobs),
        JobChanged changed => tracker.Changed(changed.Job) is { } update ? [update] : [],
        JobDeleted deleted => tracker.Deleted(deleted.Job) is { } update ? [update] : [],
        _ => [],
    };
}
