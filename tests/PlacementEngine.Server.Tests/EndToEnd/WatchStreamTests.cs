using Grpc.Core;
using Grpc.Net.Client;
using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Server.Tests.EndToEnd;

/// <summary>
/// Many WatchJob streams open at once on one HTTP/2 connection, as a dashboard following a team's jobs holds them.
/// Python's grpcio shares one connection between its channels to the same server, so "another channel" is often the
/// same connection: calls there must not queue behind the watches.
/// </summary>
public sealed class WatchStreamTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task WatchJob_HundredStreamsOnOneConnection_CallsOnThatAndAnotherConnectionAreAnswered()
    {
        await using var server = await ServerProcess.StartAsync();
        using var other = server.Connect(DemoTokens.Vision);
        var id = await SubmitWaitingJobAsync(other);
        using var shared = OneConnection(server.Address);
        var sameConnection = new JobService.JobServiceClient(shared);

        using var watches = await WatchAsync(sameConnection, id, 100);

        for (var i = 0; i < 10; i++)
        {
            var clusters = await other.Fleet.ListClustersAsync(new ListClustersRequest(), deadline: ServerConnection.In(Generous));
            Assert.NotEmpty(clusters.Clusters);
            var job = await sameConnection.GetJobAsync(new GetJobRequest { Id = id }, Bearer(ServerConnection.In(Generous)));
            Assert.Equal(id, job.Id);
        }
    }

    [Fact]
    public async Task WatchJob_StreamsAtTheLimit_NextCallWaitsForASlotOnItsConnection()
    {
        await using var server = await ServerProcess.StartAsync("--max-streams-per-connection", "5");
        using var other = server.Connect(DemoTokens.Vision);
        var id = await SubmitWaitingJobAsync(other);
        using var shared = OneConnection(server.Address);
        var sameConnection = new JobService.JobServiceClient(shared);
        var watches = await WatchAsync(sameConnection, id, 5);

        // The limit is per connection: another connection is answered, this one has no free slot.
        await other.Jobs.GetJobAsync(new GetJobRequest { Id = id }, deadline: ServerConnection.In(Generous));
        var waiting = await Assert.ThrowsAsync<RpcException>(() =>
            sameConnection.GetJobAsync(new GetJobRequest { Id = id }, Bearer(ServerConnection.In(TimeSpan.FromSeconds(2)))).ResponseAsync);
        Assert.Equal(StatusCode.DeadlineExceeded, waiting.StatusCode);

        watches.Dispose();
        var job = await sameConnection.GetJobAsync(new GetJobRequest { Id = id }, Bearer(ServerConnection.In(Generous)));
        Assert.Equal(id, job.Id);
    }

    /// <summary>Opens <paramref name="count"/> watches and reads each one's first event, so the server holds them all.</summary>
    private static async Task<OpenWatches> WatchAsync(JobService.JobServiceClient client, string id, int count)
    {
        var watches = new OpenWatches();
        for (var i = 0; i < count; i++)
        {
            watches.Calls.Add(client.WatchJob(new WatchJobRequest { Id = id }, Bearer(null, watches.Stop.Token)));
        }
        await Task.WhenAll(watches.Calls.Select(async call =>
        {
            using var first = new CancellationTokenSource(Generous);
            Assert.True(await call.ResponseStream.MoveNext(first.Token));
        }));
        return watches;
    }

    /// <summary>A job priced out of every pool: it waits, so a watch of it stays open.</summary>
    private static async Task<string> SubmitWaitingJobAsync(ServerConnection client)
    {
        var response = await client.Jobs.SubmitJobAsync(new SubmitJobRequest
        {
            IdempotencyKey = $"watched-{Guid.NewGuid():N}",
            Spec = new JobSpec
            {
                Name = "watched",
                Container = new ContainerSpec { Image = "ghcr.io/acme/batch:1" },
                Worker = new WorkerResources { Vcpus = 2, MemoryGib = 4 },
                Workers = 1,
                EstimatedRuntimeSeconds = 3600,
                MaxHourlyPrice = "0.001",
            },
        }, deadline: ServerConnection.In(Generous));
        return response.Job.Id;
    }

    private static CallOptions Bearer(DateTime? deadline, CancellationToken cancellationToken = default) =>
        new(new Metadata { { "authorization", $"Bearer {DemoTokens.Vision}" } }, deadline, cancellationToken);

    /// <summary>A channel that never opens a second HTTP/2 connection, so every call shares one.</summary>
    private static GrpcChannel OneConnection(Uri address) =>
        GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = false },
            DisposeHttpClient = true,
        });

    private sealed class OpenWatches : IDisposable
    {
        public List<AsyncServerStreamingCall<JobEvent>> Calls { get; } = [];

        public CancellationTokenSource Stop { get; } = new();

        public void Dispose()
        {
            Stop.Cancel();
            Calls.ForEach(c => c.Dispose());
            Stop.Dispose();
        }
    }
}
