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
        var call = _host.Jobs().GetJobAsync(new GetJobRequest { Id = "slow" }, deadline: DateTime.UtcNow.AddMilliseconds(300));

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
