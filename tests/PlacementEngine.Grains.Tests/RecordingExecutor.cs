using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using PlacementEngine.Core;
using PlacementEngine.Scheduling;

namespace PlacementEngine.Grains.Tests;

/// <summary>A cluster that accepts everything, records what it was asked to do, and reports the phases a test feeds it.</summary>
internal sealed class RecordingExecutor(string cluster) : IClusterExecutor
{
    private readonly Channel<ExecutionUpdate> _updates = Channel.CreateUnbounded<ExecutionUpdate>();

    public string Cluster => cluster;

    public bool IsSimulated => true;

    public ConcurrentQueue<(JobId Job, int Attempt)> Dispatched { get; } = new();

    public ConcurrentQueue<(JobId Job, int Attempt)> Cancelled { get; } = new();

    public Task<DispatchOutcome> DispatchAsync(DispatchRequest request, CancellationToken cancellationToken)
    {
        Dispatched.Enqueue((request.JobId, request.Attempt));
        return Task.FromResult(DispatchOutcome.Ok(DispatchNames.For(request.JobId, request.Attempt)));
    }

    public Task CancelAsync(JobId job, int attempt, CancellationToken cancellationToken)
    {
        Cancelled.Enqueue((job, attempt));
        return Task.CompletedTask;
    }

    public void Report(ExecutionUpdate update) => _updates.Writer.TryWrite(update);

    public async IAsyncEnumerable<ExecutionUpdate> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (await _updates.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            while (_updates.Reader.TryRead(out var update))
            {
                yield return update;
            }
        }
    }

    public Task<bool> CheckHealthAsync(CancellationToken cancellationToken) => Task.FromResult(true);
}
