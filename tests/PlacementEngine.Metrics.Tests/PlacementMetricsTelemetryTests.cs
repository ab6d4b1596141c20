using PlacementEngine.Core;
using PlacementEngine.Metrics.Tests.Support;
using PlacementEngine.Scheduling;

namespace PlacementEngine.Metrics.Tests;

/// <summary>Events the scheduler reports through ISchedulerTelemetry.</summary>
public sealed class PlacementMetricsTelemetryTests
{
    private readonly FleetScenario _scenario = new();

    [Fact]
    public async Task ScrapeAsync_AfterTelemetry_ExposesEveryArchitectureMetricWithItsType()
    {
        var sut = _scenario.CreateSut();
        sut.SolveCompleted("greedy", TimeSpan.FromMilliseconds(4));
        sut.CycleCompleted(TimeSpan.FromMilliseconds(20), new Dictionary<string, int> { ["capacity"] = 1 });
        sut.JobPlaced(TimeSpan.FromSeconds(3));
        sut.DispatchFailed("aws-use1", "422");
        _scenario.Store.Spend.Add(new SpendRow("ml", Cloud.Aws, "us-east-1", "aws-use1", CapacityType.Spot, Money.Of(1)));
        _scenario.Budgets.Values["ml"] = Money.Of(100);

        var text = await sut.ScrapeAsync(CancellationToken.None);

        Assert.Equal(
            [
                "# TYPE placement_budget_remaining_dollars gauge",
                "# TYPE placement_cycle_duration_seconds histogram",
                "# TYPE placement_dispatch_errors_total counter",
                "# TYPE placement_failovers_total counter",
                "# TYPE placement_jobs gauge",
                "# TYPE placement_pending_jobs gauge",
                "# TYPE placement_pool_nodes gauge",
                "# TYPE placement_preemptions_total counter",
                "# TYPE placement_price_book_version gauge",
                "# TYPE placement_solve_duration_seconds histogram",
                "# TYPE placement_spend_dollars_total counter",
                "# TYPE placement_submit_to_place_seconds histogram",
            ],
            Exposition.Types(text));
    }

    [Fact]
    public async Task ScrapeAsync_BeforeAnyCycle_HasNoPendingJobsSeries()
    {
        var text = await _scenario.CreateSut().ScrapeAsync(CancellationToken.None);

        Assert.Empty(Exposition.SamplesOf(text, "placement_pending_jobs"));
    }

    [Fact]
    public async Task CycleCompleted_ReasonGoneInTheNextCycle_ReportsZeroForIt()
    {
        var sut = _scenario.CreateSut();
        sut.CycleCompleted(TimeSpan.FromMilliseconds(5), new Dictionary<string, int> { ["capacity"] = 3, ["budget"] = 1 });
        sut.CycleCompleted(TimeSpan.FromMilliseconds(5), new Dictionary<string, int> { ["capacity"] = 2 });

        var text = await sut.ScrapeAsync(CancellationToken.None);

        Assert.Equal(
            ["placement_pending_jobs{reason=\"budget\"} 0", "placement_pending_jobs{reason=\"capacity\"} 2"],
            Exposition.SamplesOf(text, "placement_pending_jobs"));
        Assert.Equal("2", Exposition.ValueOf(text, "placement_cycle_duration_seconds_count"));
    }

    [Fact]
    public async Task SolveCompleted_Durations_AreObservedInSecondsPerSolver()
    {
        var sut = _scenario.CreateSut();
        sut.SolveCompleted("greedy", TimeSpan.FromMilliseconds(2));
        sut.SolveCompleted("greedy", TimeSpan.FromMilliseconds(500));
        sut.SolveCompleted("cbc", TimeSpan.FromSeconds(2));

        var text = await sut.ScrapeAsync(CancellationToken.None);

        Assert.Equal("1", Exposition.ValueOf(text, "placement_solve_duration_seconds_count{solver=\"cbc\"}"));
        Assert.Equal("2", Exposition.ValueOf(text, "placement_solve_duration_seconds_sum{solver=\"cbc\"}"));
        Assert.Equal("2", Exposition.ValueOf(text, "placement_solve_duration_seconds_count{solver=\"greedy\"}"));
        Assert.Equal("1", Exposition.ValueOf(text, "placement_solve_duration_seconds_bucket{solver=\"greedy\",le=\"0.0025\"}"));
        Assert.Equal("2", Exposition.ValueOf(text, "placement_solve_duration_seconds_bucket{solver=\"greedy\",le=\"0.5\"}"));
    }

    [Fact]
    public async Task JobPlaced_BucketsSpanOneMillisecondToOneHour()
    {
        var sut = _scenario.CreateSut();
        sut.JobPlaced(TimeSpan.FromMilliseconds(1));
        sut.JobPlaced(TimeSpan.FromMinutes(59));
        sut.JobPlaced(TimeSpan.FromHours(2));

        var text = await sut.ScrapeAsync(CancellationToken.None);

        Assert.Equal("1", Exposition.ValueOf(text, "placement_submit_to_place_seconds_bucket{le=\"0.001\"}"));
        Assert.Equal("2", Exposition.ValueOf(text, "placement_submit_to_place_seconds_bucket{le=\"3600\"}"));
        Assert.Equal("3", Exposition.ValueOf(text, "placement_submit_to_place_seconds_bucket{le=\"+Inf\"}"));
    }

    [Fact]
    public async Task JobPlaced_NegativeDurationFromClockSkew_CountsAsZero()
    {
        var sut = _scenario.CreateSut();
        sut.JobPlaced(TimeSpan.FromSeconds(-5));

        var text = await sut.ScrapeAsync(CancellationToken.None);

        Assert.Equal("0", Exposition.ValueOf(text, "placement_submit_to_place_seconds_sum"));
        Assert.Equal("1", Exposition.ValueOf(text, "placement_submit_to_place_seconds_bucket{le=\"0.001\"}"));
    }

    [Fact]
    public async Task Events_CountPerLabel()
    {
        var sut = _scenario.CreateSut();
        sut.DispatchFailed("aws-use1", "422");
        sut.DispatchFailed("aws-use1", "422");
        sut.DispatchFailed("gcp-euw4", "timeout");
        sut.Preempted("aws-use1", FleetScenario.AwsSpot);
        sut.FailedOver("gcp-euw4");

        var text = await sut.ScrapeAsync(CancellationToken.None);

        Assert.Equal("2", Exposition.ValueOf(text, "placement_dispatch_errors_total{cluster=\"aws-use1\",code=\"422\"}"));
        Assert.Equal("1", Exposition.ValueOf(text, "placement_dispatch_errors_total{cluster=\"gcp-euw4\",code=\"timeout\"}"));
        Assert.Equal("1", Exposition.ValueOf(text, $"placement_preemptions_total{{cluster=\"aws-use1\",pool=\"{FleetScenario.AwsSpot}\"}}"));
        Assert.Equal("1", Exposition.ValueOf(text, "placement_failovers_total{cluster=\"gcp-euw4\"}"));
    }

    [Fact]
    public async Task ScrapeAsync_NoEventsYet_ReportsZeroFailoversAndPreemptionsForTheFleet()
    {
        var text = await _scenario.CreateSut().ScrapeAsync(CancellationToken.None);

        Assert.Equal(
            ["placement_failovers_total{cluster=\"aws-use1\"} 0", "placement_failovers_total{cluster=\"gcp-euw4\"} 0"],
            Exposition.SamplesOf(text, "placement_failovers_total"));
        Assert.Equal(3, Exposition.SamplesOf(text, "placement_preemptions_total").Length);
    }

    [Fact]
    public async Task Events_OnOneInstance_AreNotSeenByAnother()
    {
        var first = _scenario.CreateSut();
        var second = _scenario.CreateSut();
        first.DispatchFailed("aws-use1", "422");
        first.JobPlaced(TimeSpan.FromSeconds(1));

        var text = await second.ScrapeAsync(CancellationToken.None);

        Assert.Empty(Exposition.SamplesOf(text, "placement_dispatch_errors_total"));
        Assert.Equal("0", Exposition.ValueOf(text, "placement_submit_to_place_seconds_count"));
    }
}
