using PlacementEngine.Core;
using PlacementEngine.Metrics.Tests.Support;
using PlacementEngine.Scheduling;

namespace PlacementEngine.Metrics.Tests;

/// <summary>Prometheus' own parser and linter (promtool) judge what <see cref="PlacementMetrics"/> really writes.</summary>
public sealed class PromtoolTests
{
    private const string AwkwardTeam = "team \"quoted\" \\ back\nslash";

    [Fact]
    public async Task CheckMetrics_RealisticScrape_PassesWithoutLintProblems()
    {
        var scenario = new FleetScenario();
        FillRealisticState(scenario);
        var sut = scenario.CreateSut();
        RecordRealisticEvents(sut);

        var text = await sut.ScrapeAsync(CancellationToken.None);
        var result = await Promtool.CheckMetricsAsync(text);

        Assert.True(result.ExitCode == 0 && result.Output.Length == 0,
            $"promtool exit {result.ExitCode}: {result.Output}\n--- exposition ---\n{text}");
        Assert.Contains("team=\"team \\\"quoted\\\" \\\\ back\\nslash\"", text, StringComparison.Ordinal);
    }

    /// <summary>Shows the check above is not vacuous: promtool does read our text and does complain.</summary>
    [Fact]
    public async Task CheckMetrics_CounterWithoutTotalSuffix_IsReportedAsALintProblem()
    {
        var registry = Prometheus.Metrics.NewCustomRegistry();
        Prometheus.Metrics.WithCustomRegistry(registry).CreateCounter("placement_restarts", "Restarts.").Inc();
        using var output = new MemoryStream();
        await registry.CollectAndExportAsTextAsync(output, CancellationToken.None);

        var result = await Promtool.CheckMetricsAsync(System.Text.Encoding.UTF8.GetString(output.ToArray()));

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("_total", result.Output, StringComparison.Ordinal);
    }

    private static void FillRealisticState(FleetScenario scenario)
    {
        var store = scenario.Store;
        store.Counts[JobState.Pending] = 12;
        store.Counts[JobState.Running] = 31;
        store.Counts[JobState.Succeeded] = 1208;
        store.Counts[JobState.Unschedulable] = 2;
        store.Spend.AddRange(
        [
            new SpendRow("ml-research", Cloud.Aws, "us-east-1", "aws-use1", CapacityType.Spot, Money.Of(18234.118273m)),
            new SpendRow("ml-research", Cloud.Aws, "us-east-1", "aws-use1", CapacityType.OnDemand, Money.Of(5210.5m)),
            new SpendRow("ml-research", Cloud.Gcp, "europe-west4", "gcp-euw4", CapacityType.Spot, Money.Of(990.25m)),
            new SpendRow("vision", Cloud.Gcp, "europe-west4", "gcp-euw4", CapacityType.Spot, Money.Of(0.000004m)),
            new SpendRow(AwkwardTeam, Cloud.Aws, "us-east-1", "aws-use1", CapacityType.Reserved, Money.Of(77m)),
        ]);
        store.Charges["ml-research"] = Money.Of(25000m);
        store.Charges["vision"] = Money.Of(1200.75m);
        store.Charges[AwkwardTeam] = Money.Of(80m);
        scenario.Budgets.Values["ml-research"] = Money.Of(30000m);
        scenario.Budgets.Values["vision"] = Money.Of(1000m);
        scenario.Budgets.Values[AwkwardTeam] = Money.Of(500m);
        store.UsedNodes[FleetScenario.AwsSpot] = 7;
        store.UsedNodes[FleetScenario.AwsOnDemand] = 4;
        store.UsedNodes[FleetScenario.GcpSpot] = 1;
    }

    private static void RecordRealisticEvents(PlacementMetrics sut)
    {
        foreach (var ms in new[] { 1, 3, 8, 40, 250 })
        {
            sut.SolveCompleted("greedy", TimeSpan.FromMilliseconds(ms));
        }
        sut.SolveCompleted("cbc", TimeSpan.FromSeconds(12.5));
        sut.SolveCompleted("cbc", TimeSpan.FromSeconds(75));
        sut.CycleCompleted(TimeSpan.FromMilliseconds(120), new Dictionary<string, int> { ["capacity"] = 9, ["budget"] = 3 });
        sut.CycleCompleted(TimeSpan.FromMilliseconds(95), new Dictionary<string, int> { ["capacity"] = 10, ["gpu-cap"] = 2 });
        foreach (var seconds in new[] { 0.004, 2.0, 45.0, 900.0, 5400.0 })
        {
            sut.JobPlaced(TimeSpan.FromSeconds(seconds));
        }
        sut.DispatchFailed("aws-use1", "422");
        sut.DispatchFailed("gcp-euw4", "timeout");
        sut.Preempted("aws-use1", FleetScenario.AwsSpot);
        sut.Preempted("gcp-euw4", FleetScenario.GcpSpot);
        sut.FailedOver("gcp-euw4");
    }
}
