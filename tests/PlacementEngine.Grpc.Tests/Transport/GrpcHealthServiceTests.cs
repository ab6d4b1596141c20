using PlacementEngine.Grpc.Transport;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace PlacementEngine.Grpc.Tests.Transport;

public sealed class GrpcHealthServiceTests
{
    private static bool Known(string service) => service is "placement.v1.JobService";

    [Fact]
    public void GetStatus_ServerAndKnownService_Serving()
    {
        var health = new GrpcHealthService();

        Assert.Equal(ServingStatus.Serving, health.GetStatus("", Known));
        Assert.Equal(ServingStatus.Serving, health.GetStatus("placement.v1.JobService", Known));
    }

    [Fact]
    public void GetStatus_UnknownService_Null() =>
        Assert.Null(new GrpcHealthService().GetStatus("no.such.Service", Known));

    [Fact]
    public void GetStatus_ServiceWithOwnStatus_ReportsItOverTheServerStatus()
    {
        var health = new GrpcHealthService();

        health.SetStatus("placement.v1.JobService", ServingStatus.NotServing);

        Assert.Equal(ServingStatus.NotServing, health.GetStatus("placement.v1.JobService", Known));
        Assert.Equal(ServingStatus.Serving, health.GetStatus("", Known));
    }

    [Fact]
    public void GetStatus_AfterShutdownBegins_EveryKnownServiceNotServing()
    {
        var health = new GrpcHealthService();

        health.EnterShutdown();

        Assert.Equal(ServingStatus.NotServing, health.GetStatus("", Known));
        Assert.Equal(ServingStatus.NotServing, health.GetStatus("placement.v1.JobService", Known));
        Assert.Null(health.GetStatus("no.such.Service", Known));
    }

    [Fact]
    public async Task WatchAsync_StatusChanges_YieldsCurrentThenEachChangeOnce()
    {
        var health = new GrpcHealthService();
        using var cts = new CancellationTokenSource();
        await using var watch = health.WatchAsync("", Known, cts.Token).GetAsyncEnumerator(cts.Token);

        Assert.True(await watch.MoveNextAsync());
        Assert.Equal(ServingStatus.Serving, watch.Current);

        health.SetStatus("", ServingStatus.Serving); // no change: nothing to report
        health.SetStatus("", ServingStatus.NotServing);
        Assert.True(await watch.MoveNextAsync());
        Assert.Equal(ServingStatus.NotServing, watch.Current);

        var next = watch.MoveNextAsync();
        Assert.False(next.IsCompleted);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await next);
    }

    [Fact]
    public async Task WatchAsync_UnknownService_ServiceUnknown()
    {
        var health = new GrpcHealthService();
        await using var watch = health.WatchAsync("no.such.Service", Known, CancellationToken.None).GetAsyncEnumerator();

        Assert.True(await watch.MoveNextAsync());
        Assert.Equal(ServingStatus.ServiceUnknown, watch.Current);
    }
}
