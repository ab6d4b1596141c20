using PlacementEngine.Metrics.Prometheus;
using PlacementEngine.Scheduling;

namespace PlacementEngine.Metrics;

/// <summary>
/// The scheduler's metrics. Events the scheduler reports (<see cref="ISchedulerTelemetry"/>) are kept in memory;
/// state that lives in the store or the sources is read at scrape time, so every replica reports the same truth
/// and nothing is lost across restarts. Serve <see cref="WriteAsync"/> at GET /metrics with
/// <see cref="ExpositionFormat.ContentType"/>.
/// </summary>
public sealed partial class PlacementMetrics : ISchedulerTelemetry
{
    private readonly IJobStore _store;
    private readonly IFleetSource _fleet;
    private readonly IPriceSource _prices;
    private readonly IBudgetSource _budgets;
    private readonly PendingReasons _pending = new();
    private readonly Histogram _solveDuration;
    private readonly Histogram _cycleDuration;
    private readonly Histogram _submitToPlace;
    private readonly Counter _preemptions;
    private readonly Counter _failovers;
    private readonly Counter _dispatchErrors;

    public PlacementMetrics(IJobStore store, IFleetSource fleet, IPriceSource prices, IBudgetSource budgets)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _fleet = fleet ?? throw new ArgumentNullException(nameof(fleet));
        _prices = prices ?? throw new ArgumentNullException(nameof(prices));
        _budgets = budgets ?? throw new ArgumentNullException(nameof(budgets));

        _solveDuration = Registry.AddHistogram(
            PlacementMetricNames.SolveDuration, "Time one solver took to produce a placement plan.", PlacementBuckets.Operation, "solver");
        _cycleDuration = Registry.AddHistogram(
            PlacementMetricNames.CycleDuration, "Time one scheduling cycle took, from snapshot to commit.", PlacementBuckets.Operation);
        _submitToPlace = Registry.AddHistogram(
            PlacementMetricNames.SubmitToPlace, "Time from a job's submission to its placement.", PlacementBuckets.SubmitToPlace);
        _preemptions = Registry.AddCounter(
            PlacementMetricNames.Preemptions, "Attempts ended because the cloud reclaimed their spot capacity.", "cluster", "pool");
        _failovers = Registry.AddCounter(
            PlacementMetricNames.Failovers, "Times a cluster's jobs were moved elsewhere because the cluster failed.", "cluster");
        _dispatchErrors = Registry.AddCounter(
            PlacementMetricNames.DispatchErrors, "Dispatches a cluster refused or failed, by error code.", "cluster", "code");
        AddScrapeTimeFamilies();
    }

    /// <summary>The registry behind /metrics; the host may add its own families to it.</summary>
    public MetricRegistry Registry { get; } = new();

    public async Task WriteAsync(TextWriter writer, CancellationToken cancellationToken)
    {
        InitializeFleetSeries();
        await Registry.WriteAsync(writer, cancellationToken).ConfigureAwait(false);
    }

    public Task<string> ScrapeAsync(CancellationToken cancellationToken)
    {
        InitializeFleetSeries();
        return Registry.ScrapeAsync(cancellationToken);
    }

    public void SolveCompleted(string solver, TimeSpan duration) =>
        _solveDuration.WithLabels(solver).Observe(Seconds(duration));

    public void CycleCompleted(TimeSpan duration, IReadOnlyDictionary<string, int> pendingByReason)
    {
        _cycleDuration.Observe(Seconds(duration));
        _pending.Replace(pendingByReason);
    }

    public void JobPlaced(TimeSpan submitToPlace) => _submitToPlace.Observe(Seconds(submitToPlace));

    public void DispatchFailed(string cluster, string code) => _dispatchErrors.WithLabels(cluster, code).Inc();

    public void Preempted(string cluster, string pool) => _preemptions.WithLabels(cluster, pool).Inc();

    public void FailedOver(string cluster) => _failovers.WithLabels(cluster).Inc();

    /// <summary>
    /// Submit-to-place spans two clock reads that may come from different replicas; a negative duration would
    /// lower <c>_sum</c>, which Prometheus takes for a counter reset.
    /// </summary>
    private static double Seconds(TimeSpan duration) => Math.Max(0d, duration.TotalSeconds);

    /// <summary>
    /// Puts a zero series in place for every cluster and pool, so the first failover or preemption shows up
    /// in <c>increase()</c> instead of being the series' first sample.
    /// </summary>
    private void InitializeFleetSeries()
    {
        var fleet = _fleet.Current;
        foreach (var cluster in fleet.Clusters)
        {
            _failovers.WithLabels(cluster.Name);
        }
        foreach (var pool in fleet.Pools)
        {
            _preemptions.WithLabels(pool.Cluster, pool.Name);
        }
    }
}
