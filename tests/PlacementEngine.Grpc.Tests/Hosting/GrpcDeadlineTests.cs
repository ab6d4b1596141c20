using Grpc.Core;
using PlacementEngine.Contracts.V1;
using PlacementEngine.Grpc.Tests.Support;

namespace PlacementEngine.Grpc.Tests.Hosting;

/// <summary>
/// grpc-timeout as the package honours it: on the server's own clock, through the handler's cancellation token.
/// The short deadline is the condition under test; nothing waits for it beyond a bounded safety net.
/// </summary>
public sealed class GrpcDeadlineTests : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private GrpcTestHost _host = null!;

    public async Task InitializeAsync() => _host = await GrpcTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Unary_DeadlinePasses_DeadlineExceededAndHandlerTokenCancelled()
    {
        // The connection is opened first: on a busy machine its set-up alone can outlast a short deadline, and the
        // client would then give up before the server ever saw the call.
        var jobs = _host.Jobs();
        await jobs.GetJobAsync(new GetJobRequest { Id = "warm-up" });
        var call = jobs.GetJobAsync(new GetJobRequest { Id = "slow" }, deadline: DateTime.UtcNow.AddSeconds(2));

        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

        Assert.Equal(StatusCode.DeadlineExceeded, ex.StatusCode);
        await _host.Service.SlowCallCancelled.Task.WaitAsync(Bound);
    }

    [Fact]
    public async Task Unary_ClientCancelsBeforeTheDeadline_CancelledAndHandlerTokenCancelled()
    {
        using var cancel = new CancellationTokenSource();
        var call = _host.Jobs().GetJobAsync(new GetJobRequest { Id = "slow" }, deadline: DateTime.UtcNow.AddMinutes(5), cancellationToken: cancel.Token);
        await _host.Service.SlowCallStarted.Task.WaitAsync(Bound);

        Assert.False(_host.Service.SlowCallCancelled.Task.IsCompleted);
        await cancel.CancelAsync();

        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
        Assert.Equal(StatusCode.Cancelled, ex.StatusCode);
        await _host.Service.SlowCallCancelled.Task.WaitAsync(Bound);
    }
}
