using PlacementEngine.Contracts.Grpc;
using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Server.Tests.EndToEnd;

[Collection(SharedServerCollection.Name)]
public sealed class MetricsEndpointTests(SharedServerFixture fixture)
{
    [Fact]
    public async Task Metrics_AfterJobsRan_PassesPromtoolAndShowsSpend()
    {
        using var client = fixture.Server.Client(DemoTokens.Vision);
        var job = await client.UnaryAsync(JobServiceMethods.SubmitJob, new SubmitJobRequest
        {
            Spec = new JobSpec
            {
                Name = "metrics-probe",
                Container = new ContainerSpec { Image = "ghcr.io/acme/eval:1" },
                Worker = new WorkerResources { Gpus = 1, GpuModels = { "T4" }, Vcpus = 4, MemoryGib = 16 },
                Workers = 1,
                EstimatedRuntimeSeconds = 1800,
            },
        }, SubmitJobResponse.Parser);
        await foreach (var _ in client.ServerStreamingAsync(JobServiceMethods.WatchJob, new WatchJobRequest { Id = job.Job.Id }, JobEvent.Parser, TimeSpan.FromSeconds(60)))
        {
            // Follow the job to its end so its spend is recorded.
        }

        using var http = new HttpClient();
        var response = await http.GetAsync(fixture.Server.MetricsAddress);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);

        var promtool = await ExternalProgram.RunAsync("promtool", ["check", "metrics"], TimeSpan.FromSeconds(30), stdin: text);
        Assert.True(promtool.ExitCode == 0, $"promtool: {promtool.All}\n{text}");
        Assert.Contains("placement_jobs{state=\"succeeded\"}", text, StringComparison.Ordinal);
        Assert.Matches("placement_spend_dollars_total\\{team=\"vision\",cloud=\"[a-z]+\",region=\"[a-z0-9-]+\",cluster=\"[^\"]+\",capacity_type=\"(spot|on-demand)\"\\} [0-9.e+-]+", text);
        Assert.Contains("placement_solve_duration_seconds_bucket", text, StringComparison.Ordinal);
        Assert.Contains("placement_submit_to_place_seconds_count", text, StringComparison.Ordinal);
    }
}
