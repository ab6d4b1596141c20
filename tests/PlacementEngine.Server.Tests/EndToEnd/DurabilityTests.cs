using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Server.Tests.EndToEnd;

public sealed class DurabilityTests
{
    private const int Jobs = 200;

    [Fact]
    public async Task KillNine_AfterAcknowledgedSubmits_EveryJobSurvivesExactlyOnceAndSchedulingCarriesOn()
    {
        await using var server = await ServerProcess.StartAsync();
        var acknowledged = new System.Collections.Concurrent.ConcurrentBag<string>();
        using (var client = server.Connect(DemoTokens.MlResearch))
        {
            // Eight submitters at once, as pipelines would: every acknowledgement must be durable.
            await Parallel.ForEachAsync(Enumerable.Range(0, Jobs), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
            {
                var response = await client.Jobs.SubmitJobAsync(new SubmitJobRequest
                {
                    IdempotencyKey = $"durability-{i}",
                    Spec = new JobSpec
                    {
                        Name = $"durable-{i}",
                        Container = new ContainerSpec { Image = "ghcr.io/acme/batch:1" },
                        Worker = new WorkerResources { Vcpus = 2, MemoryGib = 4 },
                        Workers = 1,
                        EstimatedRuntimeSeconds = 600,
                    },
                }, cancellationToken: ct);
                acknowledged.Add(response.Job.Id);
            });
        }

        await server.KillHardAsync();
        await server.StartAgainAsync();

        using var admin = server.Connect(DemoTokens.Admin);
        var stored = await ListAllAsync(admin);
        var durable = stored.Where(j => j.Spec.Name.StartsWith("durable-", StringComparison.Ordinal)).ToList();
        Assert.Equal(Jobs, acknowledged.Count);
        Assert.Equal(Jobs, durable.Count);
        Assert.Equal(acknowledged.Order(StringComparer.Ordinal), durable.Select(j => j.Id).Order(StringComparer.Ordinal));

        // The cycle carries on after the restart: jobs keep moving to their end.
        var deadline = DateTime.UtcNow.AddSeconds(90);
        int finished;
        do
        {
            await Task.Delay(500);
            finished = (await ListAllAsync(admin)).Count(j => j.State == JobState.Succeeded);
        }
        while (finished < Jobs && DateTime.UtcNow < deadline);
        Assert.True(finished == Jobs, $"{finished} of {Jobs} jobs finished after the restart\n{server.Output}");
    }

    private static async Task<List<Job>> ListAllAsync(ServerConnection client)
    {
        var all = new List<Job>();
        var token = "";
        do
        {
            var page = await client.Jobs.ListJobsAsync(new ListJobsRequest { PageSize = 100, PageToken = token });
            all.AddRange(page.Jobs);
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        return all;
    }
}
