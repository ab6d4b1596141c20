using PlacementEngine.Metrics.Prometheus;

namespace PlacementEngine.Metrics;

/// <summary>Families read at scrape time from the store and the sources.</summary>
public sealed partial class PlacementMetrics
{
    private void AddScrapeTimeFamilies()
    {
        Registry.AddCollector(
            MetricType.Gauge, PlacementMetricNames.Jobs, "Jobs in each state.", ["state"],
            async ct => ScrapeSamples.JobsByState(await _store.CountByStateAsync(ct).ConfigureAwait(false)));

        Registry.AddCollector(
            MetricType.Counter, PlacementMetricNames.SpendDollars, "Actual cost of ended attempts in US dollars, by where they ran.",
            ["team", "cloud", "region", "cluster", "capacity_type"],
            async ct => ScrapeSamples.Spend(await _store.GetSpendAsync(ct).ConfigureAwait(false)));

        Registry.AddCollector(
            MetricType.Gauge, PlacementMetricNames.BudgetRemainingDollars,
            "Budget left in US dollars for teams with a budget: budget minus actual and expected cost of their jobs.", ["team"],
            async ct => ScrapeSamples.BudgetRemaining(_budgets.Budgets, await _store.GetTeamChargesAsync(ct).ConfigureAwait(false)));

        Registry.AddCollector(
            MetricType.Gauge, PlacementMetricNames.PendingJobs, "Jobs left waiting by the last scheduling cycle, by reason.", ["reason"],
            _ => Task.FromResult(_pending.Samples()));

        Registry.AddCollector(
            MetricType.Gauge, PlacementMetricNames.PoolNodes, "Nodes of each pool held by jobs (used) and still available (free).",
            ["cluster", "pool", "state"],
            async ct => ScrapeSamples.PoolNodes(_fleet.Current, await _store.GetUsedNodesAsync(ct).ConfigureAwait(false)));

        Registry.AddCollector(
            MetricType.Gauge, PlacementMetricNames.PriceBookVersion, "Version of the active price book.", [],
            _ => Task.FromResult<IReadOnlyList<MetricSample>>([new MetricSample([], _prices.Active.Version)]));
    }
}
