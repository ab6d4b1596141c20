namespace PlacementEngine.Kubernetes.Watch;

/// <summary>Exponential back-off between failed attempts, reset by progress.</summary>
internal sealed class RetryBackoff(TimeSpan initial, TimeSpan max)
{
    private int _failures;

    public TimeSpan Next()
    {
        _failures++;
        var factor = Math.Pow(2, Math.Min(_failures - 1, 20));
        var delay = TimeSpan.FromTicks((long)Math.Min(initial.Ticks * factor, max.Ticks));
        return delay;
    }

    public void Reset() => _failures = 0;
}
