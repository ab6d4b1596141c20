namespace PlacementEngine.Scheduling;

/// <summary>The executors by cluster, and the wake-up signal of each cluster's dispatcher.</summary>
public sealed class Dispatchers : IDisposable
{
    private readonly Dictionary<string, IClusterExecutor> _executors;
    private readonly Dictionary<string, AsyncSignal> _signals;

    /// <param name="onWake">Also told of every wake, by cluster: in a silo the cluster's dispatcher is a grain, perhaps elsewhere.</param>
    public Dispatchers(IEnumerable<IClusterExecutor> executors, Action<string>? onWake = null)
    {
        _executors = executors.ToDictionary(e => e.Cluster, StringComparer.Ordinal);
        _signals = _executors.Keys.ToDictionary(
            k => k, k => new AsyncSignal(onWake is null ? null : () => onWake(k)), StringComparer.Ordinal);
    }

    public IReadOnlyCollection<IClusterExecutor> Executors => _executors.Values;

    public bool TryGet(string cluster, out IClusterExecutor executor) => _executors.TryGetValue(cluster, out executor!);

    public bool IsSimulated(string cluster) => !_executors.TryGetValue(cluster, out var e) || e.IsSimulated;

    public void Wake(string cluster)
    {
        if (_signals.TryGetValue(cluster, out var signal))
        {
            signal.Set();
        }
    }

    public AsyncSignal SignalOf(string cluster) => _signals[cluster];

    public void Dispose()
    {
        foreach (var signal in _signals.Values)
        {
            signal.Dispose();
        }
    }
}
