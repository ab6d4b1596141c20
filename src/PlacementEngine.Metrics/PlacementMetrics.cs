using System.Text;
using PlacementEngine.Core;
using PlacementEngine.Scheduling;
using Prometheus;
using PrometheusMetrics = Prometheus.Metrics;

namespace PlacementEngine.Metrics;

/// <summary>
/// The scheduler's metrics, on prometheus-net. Events the scheduler reports (<see cref="ISchedulerTelemetry"/>) are
/// kept in memory; state that lives in the store or the sources is read at scrape time, through the registry's
/// before-collect hook, so every replica reports the same truth and nothing is lost across restarts. Each instance
/// has its own <see cref="Registry"/>: two hosts (or two tests) in one process never share a series.
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

        Registry = PrometheusMetrics.NewCustomRegistry();
        var factory = PrometheusMetrics.WithCustomRegistry(Registry);
        _solveDuration = factory.CreateHistogram(
            PlacementMetricNames.SolveDuration, "Time one solver took to produce a placement plan.", ["solver"],
            new HistogramConfiguration { Buckets = [.. PlacementBuckets.Operation] });
        _cycleDuration = factory.CreateHistogram(
            PlacementMetricNames.CycleDuration, "Time one scheduling cycle took, from snapshot to commit.", [],
            new HistogramConfiguration { Buckets = [.. PlacementBuckets.Operation] });
        _submitToPlace = factory.CreateHistogram(
            PlacementMetricNames.SubmitToPlace, "Time from a job's submission to its placement.", [],
            new HistogramConfiguration { Buckets = [.. PlacementBuckets.SubmitToPlace] });
        _preemptions = factory.CreateCounter(
            PlacementMetricNames.Preemptions, "Attempts ended because the cloud reclaimed their spot capacity.", "cluster", "pool");
        _failovers = factory.CreateCounter(
            PlacementMetricNames.Failovers, "Times a cluster's jobs were moved elsewhere because the cluster failed.", "cluster");
        _dispatchErrors = factory.CreateCounter(
            PlacementMetricNames.DispatchErrors, "Dispatches a cluster refused or failed, by error code.", "cluster", "code");
        _scrapeTime = new ScrapeTimeFamilies(factory);
        Registry.AddBeforeCollectCallback(RefreshAsync);
    }

    /// <summary>Content type of the text format version 0.0.4, which every Prometheus server accepts.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>The registry behind /metrics; the host may add its own collectors to it.</summary>
    public CollectorRegistry Registry { get; }

    /// <summary>What /metrics serves (<see cref="ContentType"/>): every family, scrape-time ones read just now.</summary>
    /// <exception cref="ScrapeFailedException">The store could not be read; the message says why.</exception>
    public async Task<string> ScrapeAsync(CancellationToken cancellationToken)
    {
        var scrape = new ScrapeOutcome();
        CurrentScrape.Value = scrape;
        using var output = new MemoryStream();
        await Registry.CollectAndExportAsTextAsync(output, ExpositionFormat.PrometheusText, cancellationToken).ConfigureAwait(false);
        if (scrape.Failure is { } failure)
        {
            throw new ScrapeFailedException($"placement metrics: the job store could not be read: {failure.Message}", failure);
        }
        return Encoding.UTF8.GetString(output.GetBuffer(), 0, (int)output.Length);
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
    private void InitializeFleetSeries(Fleet fleet)
    {
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
