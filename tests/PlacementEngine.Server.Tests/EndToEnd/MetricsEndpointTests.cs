using PlacementEngine.Server.Tests.EndToEnd.Prometheus;

namespace PlacementEngine.Server.Tests.EndToEnd;

[Collection(SharedServerCollection.Name)]
public sealed class MetricsEndpointTests(SharedServerFixture fixture)
{
    [Fact]
    public async Task Metrics_AfterJobsRan_PassesPromtoolAndShowsSpend()
    {
        var job = await FinishedJob.RunAsync(fixture.Server, DemoTokens.Vision, "spot-t4.yaml");

        using var http = new HttpClient();
        var response = await http.GetAsync(fixture.Server.MetricsAddress);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("0.0.4", response.Content.Headers.ContentType?.Parameters.Single(p => p.Name == "version").Value);

        var promtool = await ExternalProgram.RunAsync("promtool", ["check", "metrics"], TimeSpan.FromSeconds(30), stdin: text);
        Assert.True(promtool.ExitCode == 0, $"promtool: {promtool.All}\n{text}");
        Assert.Contains("placement_jobs{state=\"succeeded\"}", text, StringComparison.Ordinal);
        Assert.Matches("(?m)^" + System.Text.RegularExpressions.Regex.Escape(job.SpendSeries) + " [0-9.e+-]+$", text);
        Assert.Contains("placement_solve_duration_seconds_bucket", text, StringComparison.Ordinal);
        Assert.Contains("placement_submit_to_place_seconds_count", text, StringComparison.Ordinal);
        // The process' own metrics are served beside the scheduler's.
        Assert.Contains("process_cpu_seconds_total", text, StringComparison.Ordinal);
    }
}
