using PlacementEngine.Core;
using PlacementEngine.Scheduling;

namespace PlacementEngine.Metrics;

/// <summary>Families read at scrape time from the store and the sources.</summary>
public sealed partial class PlacementMetrics
{
    private readonly ScrapeTimeFamilies _scrapeTime;

    // Concurrent scrapes run the hook concurrently: each reads on its own, then writes its whole read under this
    // gate, so one read's removals never interleave with another read's sets.
    private readonly Lock _applyGate = new();

    // prometheus-net 8.2.1 logs and swallows whatever a before-collect callback throws (ScrapeFailedException too,
    // whatever its documentation says), and would serve the previous values. The scrape that runs the callback
    // passes this holder down (it flows into the callback), so that scrape alone learns of the failure and fails.
    private static readonly AsyncLocal<ScrapeOutcome?> CurrentScrape = new();

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        ScrapeRead read;
        try
        {
            read = new ScrapeRead(
                await _store.CountByStateAsync(cancellationToken).ConfigureAwait(false),
                await _store.GetSpendAsync(cancellationToken).ConfigureAwait(false),
                await _store.GetTeamChargesAsync(cancellationToken).ConfigureAwait(false),
                await _store.GetUsedNodesAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (Exception ex) when (ex is not OperationCanceledException && CurrentScrape.Value is { } scrape)
        {
            scrape.Failure = ex;
            return;
        }
        var fleet = _fleet.Current;
        lock (_applyGate)
        {
            InitializeFleetSeries(fleet);
            SeriesMirror.Set(_scrapeTime.Jobs, ScrapeSamples.JobsByState(read.Counts));
            SeriesMirror.RaiseTo(_scrapeTime.Spend, ScrapeSamples.Spend(read.Spend));
            SeriesMirror.Set(_scrapeTime.BudgetRemaining, ScrapeSamples.BudgetRemaining(_budgets.Budgets, read.Charges));
            SeriesMirror.Set(_scrapeTime.Pending, _pending.Samples());
            SeriesMirror.Set(_scrapeTime.PoolNodes, ScrapeSamples.PoolNodes(fleet, read.UsedNodes));
            _scrapeTime.PriceBookVersion.Set(_prices.Active.Version);
        }
    }

    private sealed class ScrapeOutcome
    {
        public Exception? Failure { get; set; }
    }

    private sealed record ScrapeRead(
        IReadOnlyDictionary<JobState, int> Counts,
        IReadOnlyList<SpendRow> Spend,
        IReadOnlyDictionary<string, Money> Charges,
        IReadOnlyDictionary<string, int> UsedNodes);
}
