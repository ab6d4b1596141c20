using Prometheus;

namespace PlacementEngine.Metrics;

/// <summary>The families whose values are read from the store and the sources at every scrape.</summary>
internal sealed class ScrapeTimeFamilies(IMetricFactory factory)
{
    public Gauge Jobs { get; } = factory.CreateGauge(PlacementMetricNames.Jobs, "Jobs in each state.", ["state"]);

    public Counter Spend { get; } = factory.CreateCounter(
        PlacementMetricNames.SpendDollars, "Actual cost of ended attempts in US dollars, by where they ran.",
        ["team", "cloud", "region", "cluster", "capacity_type"]);

    public Gauge BudgetRemaining { get; } = factory.CreateGauge(
        PlacementMetricNames.BudgetRemainingDollars,
        "Budget left in US dollars for teams with a budget: budget minus actual and expected cost of their jobs.", ["team"]);

    public Gauge Pending { get; } = factory.CreateGauge(
        PlacementMetricNames.PendingJobs, "Jobs left waiting by the last scheduling cycle, by reason.", ["reason"]);

    public Gauge PoolNodes { get; } = factory.CreateGauge(
        PlacementMetricNames.PoolNodes, "Nodes of each pool held by jobs (used) and still available (free).",
        ["cluster", "pool", "state"]);

    public Gauge PriceBookVersion { get; } = factory.CreateGauge(
        PlacementMetricNames.PriceBookVersion, "Version of the active price book.", []);
}
