using PlacementEngine.Contracts.Grpc;
using PlacementEngine.Contracts.V1;
using PlacementEngine.Grpc.Tests.Support;
using PlacementEngine.TestKit;

namespace PlacementEngine.Grpc.Tests.Transport;

/// <summary>
/// Deadlines on a real Kestrel whose clock is fake: the server's deadline passes when the test moves the clock,
/// so nothing here waits for a deadline except the one test of the client's own timer.
/// </summary>
public sealed class GrpcDeadlineTests : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private readonly FakeTimeProvider _clock = new();
    private GrpcTestHost _host = null!;

    public async Task InitializeAsync() => _host = await GrpcTestHost.StartAsync(_clock);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Unary_ServerDeadlinePasses_DeadlineExceededAndHandlerTokenCancelled()
    {
        using var client = _host.CreateClient();
        var call = client.UnaryAsync(JobServiceMethods.GetJob, new GetJobRequest { Id = "slow" }, Job.Parser, TimeSpan.FromMinutes(5));
        await _host.Service.SlowCallStarted.Task.WaitAsync(Bound);

        _clock.Advance(TimeSpan.FromMinutes(6));

        var ex = await Assert.ThrowsAsync<RpcException>(() => call);
        Assert.Equal(StatusCode.DeadlineExceeded, ex.Status);
        Assert.Equal("deadline exceeded: the call took longer than its grpc-timeout of 300 s", ex.Detail);
        await _host.Service.SlowCallCancelled.Task.WaitAsync(Bound);
    }

    [Fact]
    public async Task Unary_BeforeServerDeadline_HandlerKeepsRunning()
    {
        using var client = _host.CreateClient();
        using var cts = new CancellationTokenSource();
        var call = client.UnaryAsync(JobServiceMethods.GetJob, new GetJobRequest { Id = "slow" }, Job.Parser, TimeSpan.FromMinutes(5), cts.Token);
        await _host.Service.SlowCallStarted.Task.WaitAsync(Bound);

        _clock.Advance(TimeSpan.FromMinutes(4));

        Assert.False(_host.Service.SlowCallCancelled.Task.IsCompleted);
        await cts.CancelAsync();
        var ex = await Assert.ThrowsAsync<RpcException>(() => call);
        Assert.Equal(StatusCode.Cancelled, ex.Status);
    }

    [Fact]
    public async Task Unary_ClientDeadlinePassesFirst_DeadlineExceededAndServerHandlerCancelled()
    {
        using var client = _host.CreateClient();

        // The server's clock is frozen, so only the client's own (real) timer can end this call.
        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            client.UnaryAsync(JobServiceMethods.GetJob, new GetJobRequest { Id = "slow" }, Job.Parser, TimeSpan.FromMilliseconds(200)));

        Assert.Equal(StatusCode.DeadlineExceeded, ex.Status);
        // Giving up resets the HTTP/2 stream, which the handler sees as cancellation.
        await _host.Service.SlowCallCancelled.Task.WaitAsync(Bound);
    }
}
