using PlacementEngine.Core;
using PlacementEngine.Metrics.Tests.Support;
using PlacementEngine.Scheduling;
using PlacementEngine.TestKit;
using Prometheus;

namespace PlacementEngine.Metrics.Tests;

/// <summary>Families read at scrape time from the store and the sources.</summary>
public sealed class PlacementMetricsScrapeTests
{
    private readonly FleetScenario _scenario = new();

    [Fact]
    public async Task ScrapeAsync_JobCounts_ListsEveryStateInLowerCaseWithZeroWhereNone()
    {
        _scenario.Store.Counts[JobState.Pending] = 3;
        _scenario.Store.Counts[JobState.Unschedulable] = 1;

        var text = await _scenario.CreateSut().ScrapeAsync(CancellationToken.None);

        Assert.Equal(
            [
                "placement_jobs{state=\"cancelled\"} 0",
                "placement_jobs{state=\"dispatched\"} 0",
                "placement_jobs{state=\"failed\"} 0",
                "placement_jobs{state=\"pending\"} 3",
                "placement_jobs{state=\"placed\"} 0",
                "placement_jobs{state=\"preempted\"} 0",
                "placement_jobs{state=\"running\"} 0",
                "placement_jobs{state=\"succeeded\"} 0",
                "placement_jobs{state=\"unschedulable\"} 1",
            ],
            Exposition.SamplesOf(text, "placement_jobs"));
    }

    [Fact]
    public async Task ScrapeAsync_SpendRows_UseWireNamesAndSumRowsOfOnePlaceInExactDollars()
    {
        _scenario.Store.Spend.AddRange(
        [
            new SpendRow("ml", Cloud.Aws, "us-east-1", "aws-use1", CapacityType.OnDemand, Money.Of(10.10m)),
            new SpendRow("ml", Cloud.Aws, "us-east-1", "aws-use1", CapacityType.OnDemand, Money.Of(2.20m)),
            new SpendRow("ml", Cloud.Gcp, "europe-west4", "gcp-euw4", CapacityType.Spot, Money.Of(0.000001m)),
        ]);

        var text = await _scenario.CreateSut().ScrapeAsync(CancellationToken.None);

        Assert.Equal(
            [
                "placement_spend_dollars_total{team=\"ml\",cloud=\"aws\",region=\"us-east-1\",cluster=\"aws-use1\",capacity_type=\"on-demand\"} 12.3",
                "placement_spend_dollars_total{team=\"ml\",cloud=\"gcp\",region=\"europe-west4\",cluster=\"gcp-euw4\",capacity_type=\"spot\"} 1e-06",
            ],
            Exposition.SamplesOf(text, "placement_spend_dollars_total"));
    }

    [Fact]
    public async Task ScrapeAsync_Budgets_ReportBudgetMinusChargesOnlyForTeamsWithABudget()
    {
        _scenario.Budgets.Values["ml"] = Money.Of(1000m);
        _scenario.Budgets.Values["research"] = Money.Of(50m);
        _scenario.Budgets.Values["new-team"] = Money.Of(20m);
        _scenario.Store.Charges["ml"] = Money.Of(250.5m);
        _scenario.Store.Charges["research"] = Money.Of(75m);
        _scenario.Store.Charges["unbudgeted"] = Money.Of(10m);

        var text = await _scenario.CreateSut().ScrapeAsync(CancellationToken.None);

        Assert.Equal(
            [
                "placement_budget_remaining_dollars{team=\"ml\"} 749.5",
                "placement_budget_remaining_dollars{team=\"new-team\"} 20",
                "placement_budget_remaining_dollars{team=\"research\"} -25",
            ],
            Exposition.SamplesOf(text, "placement_budget_remaining_dollars"));
    }

    [Fact]
    public async Task ScrapeAsync_UsedNodes_ReportsUsedAndFreeForEveryPool()
    {
        _scenario.Store.UsedNodes[FleetScenario.AwsSpot] = 7;
        _scenario.Store.UsedNodes[FleetScenario.GcpSpot] = 9; // more than its 6: free must not go negative
        _scenario.Store.UsedNodes["retired-pool"] = 2;

        var text = await _scenario.CreateSut().ScrapeAsync(CancellationToken.None);

        Assert.Equal(
            [
                $"placement_pool_nodes{{cluster=\"aws-use1\",pool=\"{FleetScenario.AwsOnDemand}\",state=\"free\"}} 4",
                $"placement_pool_nodes{{cluster=\"aws-use1\",pool=\"{FleetScenario.AwsOnDemand}\",state=\"used\"}} 0",
                $"placement_pool_nodes{{cluster=\"aws-use1\",pool=\"{FleetScenario.AwsSpot}\",state=\"free\"}} 3",
                $"placement_pool_nodes{{cluster=\"aws-use1\",pool=\"{FleetScenario.AwsSpot}\",state=\"used\"}} 7",
                $"placement_pool_nodes{{cluster=\"gcp-euw4\",pool=\"{FleetScenario.GcpSpot}\",state=\"free\"}} 0",
                $"placement_pool_nodes{{cluster=\"gcp-euw4\",pool=\"{FleetScenario.GcpSpot}\",state=\"used\"}} 9",
            ],
            Exposition.SamplesOf(text, "placement_pool_nodes"));
    }

    [Fact]
    public async Task ScrapeAsync_PriceBook_ReportsTheActiveVersion()
    {
        var sut = _scenario.CreateSut();
        _scenario.Prices.Active = new PriceBook(43, new Dictionary<PriceKey, Money>());

        var text = await sut.ScrapeAsync(CancellationToken.None);

        Assert.Equal("43", Exposition.ValueOf(text, "placement_price_book_version"));
    }

    [Fact]
    public async Task ScrapeAsync_StoreUnreachable_FailsTheScrapeNamingTheCause()
    {
        var sut = _scenario.CreateSut();
        _scenario.Store.Failure = new IOException("database is down");

        var failure = await Assert.ThrowsAsync<ScrapeFailedException>(() => sut.ScrapeAsync(CancellationToken.None));

        Assert.Contains("database is down", failure.Message, StringComparison.Ordinal);
        Assert.IsType<IOException>(failure.InnerException);
    }

    [Fact]
    public async Task ScrapeAsync_TeamLosesItsBudget_ItsSeriesIsGoneFromTheNextScrape()
    {
        _scenario.Budgets.Values["ml"] = Money.Of(1000m);
        _scenario.Budgets.Values["research"] = Money.Of(50m);
        var sut = _scenario.CreateSut();
        await sut.ScrapeAsync(CancellationToken.None);
        _scenario.Budgets.Values.Remove("research");

        var text = await sut.ScrapeAsync(CancellationToken.None);

        Assert.Equal(["placement_budget_remaining_dollars{team=\"ml\"} 1000"], Exposition.SamplesOf(text, "placement_budget_remaining_dollars"));
    }

    [Fact]
    public async Task ScrapeAsync_PoolLeavesTheFleet_ItsNodeSeriesAreGone()
    {
        var sut = _scenario.CreateSut();
        await sut.ScrapeAsync(CancellationToken.None);
        _scenario.Fleet.Current = Fleets.Make()
            .Cluster("aws-use1", "aws:us-east-1")
            .Pool("p4d.24xlarge", "A100", 8, CapacityType.Spot, 9.83m, 10)
            .Fleet();

        var text = await sut.ScrapeAsync(CancellationToken.None);

        Assert.Equal(
            [
                $"placement_pool_nodes{{cluster=\"aws-use1\",pool=\"{FleetScenario.AwsSpot}\",state=\"free\"}} 10",
                $"placement_pool_nodes{{cluster=\"aws-use1\",pool=\"{FleetScenario.AwsSpot}\",state=\"used\"}} 0",
            ],
            Exposition.SamplesOf(text, "placement_pool_nodes"));
    }

    [Fact]
    public async Task ScrapeAsync_SpendGrowsBetweenScrapes_TheCounterFollowsTheStoreTotal()
    {
        var sut = _scenario.CreateSut();
        _scenario.Store.Spend.Add(new SpendRow("ml", Cloud.Aws, "us-east-1", "aws-use1", CapacityType.Spot, Money.Of(4m)));
        await sut.ScrapeAsync(CancellationToken.None);
        _scenario.Store.Spend.Add(new SpendRow("ml", Cloud.Aws, "us-east-1", "aws-use1", CapacityType.Spot, Money.Of(1.5m)));

        var text = await sut.ScrapeAsync(CancellationToken.None);

        Assert.Equal(
            "5.5",
            Exposition.ValueOf(text, "placement_spend_dollars_total{team=\"ml\",cloud=\"aws\",region=\"us-east-1\",cluster=\"aws-use1\",capacity_type=\"spot\"}"));
    }
}
