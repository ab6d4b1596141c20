using Npgsql;
using PlacementEngine.Contracts.V1;
using PlacementEngine.Storage.Postgres;
using PlacementEngine.TestKit.Servers;

namespace PlacementEngine.Server.Tests.EndToEnd;

/// <summary>The real server with --store postgres: jobs are placed from PostgreSQL and are there again after a restart.</summary>
public sealed class PostgresStoreEndToEndTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task Server_OnPostgres_PlacesASubmittedJobAndKeepsItAcrossARestart()
    {
        var connectionString = await postgres.Server.CreateDatabaseAsync();
        await using var server = await ServerProcess.StartAsync("--store", "postgres", "--postgres", connectionString);
        string id;
        using (var client = server.Connect(DemoTokens.MlResearch))
        {
            var submitted = await client.Jobs.SubmitJobAsync(SmallJob.Request("on-postgres"));
            id = submitted.Job.Id;
            var placed = await WaitForPlacementAsync(client, id);
            Assert.False(string.IsNullOrEmpty(placed.Placement?.Pool), $"job {id} has no placement\n{server.Output}");
        }

        await server.StopAsync();
        Assert.Equal(id, await StoredJobIdAsync(connectionString));
        await server.StartAgainAsync();

        using var again = server.Connect(DemoTokens.MlResearch);
        var after = await again.Jobs.GetJobAsync(new GetJobRequest { Id = id });
        Assert.Equal("on-postgres", after.Spec.Name);
        Assert.NotEqual(JobState.Pending, after.State);
        var listed = await again.Jobs.ListJobsAsync(new ListJobsRequest { PageSize = 10 });
        Assert.Equal([id], listed.Jobs.Select(j => j.Id));
    }

    [Fact]
    public async Task Server_OnPostgres_EndsASessionFrozenMidCommitThatBlocksASubmission()
    {
        var connectionString = await postgres.Server.CreateDatabaseAsync();
        await using var server = await ServerProcess.StartAsync("--store", "postgres", "--postgres", connectionString);
        // A silo that froze after locking the jobs table, before the end of its pipeline: the server's idle timeout never starts.
        await using var frozen = await StalledPipelineClient.StallAfterAsync(connectionString, PostgresStores.DefaultApplicationName,
            "LOCK TABLE placement.jobs IN EXCLUSIVE MODE");
        using var client = server.Connect(DemoTokens.MlResearch);

        // Waits on the frozen lock until the server ends that session; left alone, the insert would wait out its command timeout and fail.
        var submitted = await client.Jobs.SubmitJobAsync(SmallJob.Request("behind-a-frozen-silo"));

        Assert.NotEqual(JobState.Pending, (await WaitForPlacementAsync(client, submitted.Job.Id)).State);
        Assert.True(await frozen.WasEndedAsync(), $"backend {frozen.BackendPid} still serves the frozen session\n{server.Output}");
        Assert.Contains("ended 1 PostgreSQL sessions stalled mid-commit", server.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_OnUnreachablePostgres_RefusesToStartNamingTheOption()
    {
        var unreachable = $"Host=127.0.0.1;Port={LoopbackPort.Free()};Username=postgres;Database=none;Timeout=2";

        var error = await Assert.ThrowsAnyAsync<Exception>(() => ServerProcess.StartAsync("--store", "postgres", "--postgres", unreachable));

        Assert.Contains("--postgres: cannot open the PostgreSQL store", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The one job in the PostgreSQL database, read there directly: the server used it, not its SQLite file.</summary>
    private static async Task<string?> StoredJobIdAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT string_agg(id, ',') FROM placement.jobs", connection);
        return await command.ExecuteScalarAsync() as string;
    }

    private static async Task<Job> WaitForPlacementAsync(ServerConnection client, string id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        Job job;
        do
        {
            job = await client.Jobs.GetJobAsync(new GetJobRequest { Id = id });
            if (job.State != JobState.Pending)
            {
                return job;
            }
            await Task.Delay(200);
        }
        while (DateTime.UtcNow < deadline);
        return job;
    }
}
