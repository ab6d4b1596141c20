using Grpc.Core;
using Grpc.Health.V1;
using HealthService = Grpc.Health.V1.Health;
using Grpc.Reflection.V1Alpha;
using PlacementEngine.Grpc.Tests.Support;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace PlacementEngine.Grpc.Tests.Hosting;

/// <summary>The standard grpc.health.v1 and reflection services, reached without a token.</summary>
public sealed class HealthAndReflectionTests : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private GrpcTestHost _host = null!;

    public async Task InitializeAsync() => _host = await GrpcTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private HealthService.HealthClient HealthClient => new(_host.Invoker(token: null));

    [Fact]
    public async Task Check_WithoutToken_ServerAndJobServiceServing()
    {
        var overall = await HealthClient.CheckAsync(new HealthCheckRequest());
        var jobs = await HealthClient.CheckAsync(new HealthCheckRequest { Service = "placement.v1.JobService" });

        Assert.Equal((ServingStatus.Serving, ServingStatus.Serving), (overall.Status, jobs.Status));
    }

    [Fact]
    public async Task Check_UnknownService_NotFound()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => HealthClient.CheckAsync(new HealthCheckRequest { Service = "no.such.Service" }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
    }

    [Fact]
    public async Task Check_JobServiceCheckFails_JobServiceAndServerNotServing()
    {
        _host.Health.Healthy = false;

        var jobs = await HealthClient.CheckAsync(new HealthCheckRequest { Service = "placement.v1.JobService" });
        var overall = await HealthClient.CheckAsync(new HealthCheckRequest());

        Assert.Equal((ServingStatus.NotServing, ServingStatus.NotServing), (jobs.Status, overall.Status));
    }

    [Fact]
    public async Task Watch_StatusChanges_StreamsCurrentThenTheChange()
    {
        using var cancel = new CancellationTokenSource(Bound);
        using var watch = HealthClient.Watch(new HealthCheckRequest { Service = "placement.v1.JobService" }, cancellationToken: cancel.Token);
        Assert.True(await watch.ResponseStream.MoveNext(cancel.Token));
        Assert.Equal(ServingStatus.Serving, watch.ResponseStream.Current.Status);

        _host.Health.Healthy = false;

        Assert.True(await watch.ResponseStream.MoveNext(cancel.Token));
        Assert.Equal(ServingStatus.NotServing, watch.ResponseStream.Current.Status);
    }

    [Fact]
    public async Task Reflection_ListServices_NamesHealthAndTheServedServices()
    {
        using var call = new ServerReflection.ServerReflectionClient(_host.Invoker(token: null)).ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();

        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var names = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();

        Assert.Contains("grpc.health.v1.Health", names);
        Assert.Contains("placement.v1.JobService", names);
    }
}
