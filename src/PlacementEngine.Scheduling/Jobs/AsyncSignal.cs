namespace PlacementEngine.Scheduling;

/// <summary>An auto-reset wake-up: many Set calls before a wait collapse into one wake.</summary>
/// <param name="onSet">Also told of every Set: in a silo the wake goes to a grain, which may live in another process.</param>
public sealed class AsyncSignal(Action? onSet = null) : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    public void Set()
    {
        onSet?.Invoke();
        // One pending wake is enough. Checked rather than caught: Set runs once per submission, and a throw each time
        // was a measurable share of a submission's cost. A race between the check and the release still ends in the
        // exception, which is then rare.
        if (_semaphore.CurrentCount > 0)
        {
            return;
        }
        try
        {
            _semaphore.Release();
        }
        catch (SemaphoreFullException)
        {
            // Signalled by another Set between the check and the release.
        }
    }

    /// <summary>True when woken by <see cref="Set"/>, false when the timeout passed.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var timeoutSource = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeoutSource.Token, cancellationToken);
        try
        {
            await _semaphore.WaitAsync(linked.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    public void Dispose() => _semaphore.Dispose();
}
