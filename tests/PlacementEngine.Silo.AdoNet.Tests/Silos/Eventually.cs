namespace PlacementEngine.Silo.AdoNet.Tests.Silos;

/// <summary>Polls a condition until it holds or a generous deadline passes; the time taken is not what is tested.</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(60);

    public static async Task<T> HoldsAsync<T>(Func<Task<T>> probe, Func<T, bool> holds, string what, TimeSpan? deadline = null)
    {
        using var timeout = new CancellationTokenSource(deadline ?? DefaultDeadline);
        Exception? lastError = null;
        var last = default(T);
        while (!timeout.IsCancellationRequested)
        {
            try
            {
                last = await probe();
                if (holds(last))
                {
                    return last;
                }
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                // Calls to a silo that is going away fail until membership catches up: retry, keep the last error.
                lastError = error;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System, CancellationToken.None);
        }
        throw new TimeoutException($"{what}: did not happen within {deadline ?? DefaultDeadline}; last value {last}", lastError);
    }
}
