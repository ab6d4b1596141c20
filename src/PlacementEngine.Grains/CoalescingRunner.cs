namespace PlacementEngine.Grains;

/// <summary>
/// Runs <c>work</c> off the grain's turn, one run at a time: requests arriving during a run collapse into one more
/// run after it. A grain's turn only asks, so a long cycle or dispatch never holds up the grain's other calls.
/// </summary>
internal sealed class CoalescingRunner(Func<CancellationToken, Task> work, Action<Exception> onError)
{
    private readonly Lock _gate = new();
    private TaskCompletionSource? _next;
    private bool _running;

    /// <summary>Asks for a run; the task completes when a run that started after this call has finished.</summary>
    public Task RequestAsync(CancellationToken stopping)
    {
        lock (_gate)
        {
            _next ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var done = _next.Task;
            if (!_running)
            {
                _running = true;
                // Off the grain's scheduler: the work calls other grains and the store, and may run for seconds.
                _ = Task.Run(() => LoopAsync(stopping), CancellationToken.None);
            }
            return done;
        }
    }

    private async Task LoopAsync(CancellationToken stopping)
    {
        while (true)
        {
            TaskCompletionSource current;
            lock (_gate)
            {
                if (_next is null)
                {
                    _running = false;
                    return;
                }
                current = _next;
                _next = null;
            }
            try
            {
                if (!stopping.IsCancellationRequested)
                {
                    await work(stopping).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                // The activation is going away; its successor starts again from the store.
            }
            catch (Exception ex)
            {
                onError(ex);
            }
            current.TrySetResult();
        }
    }
}
