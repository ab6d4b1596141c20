using PlacementEngine.Scheduling;

namespace PlacementEngine.Kubernetes.Tests.Support;

/// <summary>
/// Reads an executor's watch one update at a time. Each read waits at most <see cref="Patience"/>, so a missing
/// update fails the test instead of hanging it; nothing is timed.
/// </summary>
public sealed class WatchProbe : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly CancellationTokenSource _stop = new();
    private readonly IAsyncEnumerator<ExecutionUpdate> _updates;

    public WatchProbe(IClusterExecutor executor) => _updates = executor.WatchAsync(_stop.Token).GetAsyncEnumerator(_stop.Token);

    public async Task<ExecutionUpdate> NextAsync()
    {
        Assert.True(await _updates.MoveNextAsync().AsTask().WaitAsync(Patience), "the watch ended");
        return _updates.Current;
    }

    /// <summary>Reads until an update for <paramref name="jobId"/> arrives; updates of other jobs are skipped.</summary>
    public async Task<ExecutionUpdate> NextForAsync(string jobId)
    {
        while (true)
        {
            var update = await NextAsync();
            if (update.JobId.Value == jobId)
            {
                return update;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _updates.DisposeAsync();
        }
        catch (OperationCanceledException)
        {
            // Cancelling is how a watch ends.
        }
        _stop.Dispose();
    }
}
