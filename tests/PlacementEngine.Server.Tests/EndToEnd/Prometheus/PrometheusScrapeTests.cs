using System.Text.Json;

namespace PlacementEngine.Server.Tests.EndToEnd.Prometheus;

/// <summary>A real Prometheus server scrapes the real placement-server; PromQL over its HTTP API sees what a job cost.</summary>
public sealed class PrometheusScrapeTests
{
    private const string SpendQuery = "placement_spend_dollars_total";
    private static readonly TimeSpan QueryTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Query_AfterAJobRan_ReturnsItsSpendSeriesWithThePlacementLabels()
    {
        // A server of its own: on a fresh database, the spend series can only come from this test's job.
        await using var server = await ServerProcess.StartAsync();
        await using var prometheus = await PrometheusServer.StartAsync(server.MetricsAddress);

        var job = await FinishedJob.RunAsync(server, DemoTokens.Vision, "spot-t4.yaml");

        var series = await WaitForSeriesAsync(prometheus, job.SpendLabels);
        var labels = series.GetProperty("metric");
        Assert.Equal(SpendQuery, labels.GetProperty("__name__").GetString());
        foreach (var (name, value) in job.SpendLabels)
        {
            Assert.Equal(value, labels.GetProperty(name).GetString());
        }
        Assert.Equal("vision", labels.GetProperty("team").GetString());
    }

    /// <summary>Polls the instant query until a series carries every expected label, for at most a minute.</summary>
    private static async Task<JsonElement> WaitForSeriesAsync(PrometheusServer prometheus, IReadOnlyDictionary<string, string> expected)
    {
        using var deadline = new CancellationTokenSource(QueryTimeout);
        IReadOnlyList<JsonElement> last = [];
        try
        {
            while (true)
            {
                last = await prometheus.QueryAsync(SpendQuery, deadline.Token);
                var match = last.FirstOrDefault(series => HasLabels(series, expected));
                if (match.ValueKind != JsonValueKind.Undefined)
                {
                    return match;
                }
                await Task.Delay(250, deadline.Token);
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            Assert.Fail(
                $"no {SpendQuery} series with {string.Join(", ", expected.Select(label => $"{label.Key}={label.Value}"))} " +
                $"within {QueryTimeout}; last result: [{string.Join(", ", last.Select(series => series.GetRawText()))}]\n" +
                $"targets: {await prometheus.TargetsAsync()}\nprometheus:\n{prometheus.Output}");
            throw;
        }
    }

    private static bool HasLabels(JsonElement series, IReadOnlyDictionary<string, string> expected) =>
        series.TryGetProperty("metric", out var labels)
        && expected.All(label => labels.TryGetProperty(label.Key, out var value) && value.GetString() == label.Value);
}
