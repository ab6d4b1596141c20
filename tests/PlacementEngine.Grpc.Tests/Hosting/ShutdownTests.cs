using Grpc.Core;
using PlacementEngine.Contracts.V1;
using PlacementEngine.Grpc.Tests.Support;

namespace PlacementEngine.Grpc.Tests.Hosting;

public sealed class ShutdownTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task OpenWatch_ServerShutsDown_StreamEndsUnavailableAndTheHandlerStops()
    {
        await using var host = await GrpcTestHost.StartAsync();
        using var watch = host.Jobs().WatchJob(new WatchJobRequest { Id = "endless" });
        Assert.True(await watch.ResponseStream.MoveNext(CancellationToken.None));

        var stopping = host.StopAsync();
        var ex = await Assert.ThrowsAsync<RpcException>(() => watch.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(Bound));
        await stopping.WaitAsync(Bound);

        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
        Assert.StartsWith("the server is shutting down", ex.Status.Detail, StringComparison.Ordinal);
        Assert.True(host.Service.EndlessWatchCancelled.Task.IsCompleted);
    }
}
