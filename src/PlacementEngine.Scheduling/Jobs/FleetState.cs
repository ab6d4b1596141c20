using PlacementEngine.Core;

namespace PlacementEngine.Scheduling;

/// <summary>The configured fleet with the health the dispatchers last saw. Thread-safe.</summary>
public sealed class FleetState(Fleet configured) : IFleetSource
{
    private readonly object _gate = new();
    private Fleet _current = configured;
    private long _generation = 1;

    public Fleet Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>True when the health changed.</summary>
    public bool SetHealth(string cluster, bool healthy)
    {
        lock (_gate)
        {
            if (!_current.TryGetCluster(cluster, out var existing) || existing.Healthy == healthy)
            {
                return false;
            }
            _current = _current.WithClusterHealth(cluster, healthy);
            Interlocked.Increment(ref _generation);
            return true;
        }
    }
}

public sealed class StaticPriceSource(PriceBook book) : IPriceSource
{
    public PriceBook Active => book;

    public Task RefreshAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

public sealed class StaticBudgetSource(IReadOnlyDictionary<string, Money> budgets) : IBudgetSource
{
    public IReadOnlyDictionary<string, Money> Budgets => budgets;
}
