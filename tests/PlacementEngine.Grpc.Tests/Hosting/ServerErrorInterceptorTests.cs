using Grpc.Core;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using PlacementEngine.Grpc.Hosting;
using PlacementEngine.Grpc.Tests.Support;
using PlacementEngine.Scheduling;

namespace PlacementEngine.Grpc.Tests.Hosting;

/// <summary>The interceptor alone, invoked directly: which status each failure of a handler becomes.</summary>
public sealed class ServerErrorInterceptorTests
{
    private static readonly ServerErrorInterceptor Interceptor = new(new Lifetime(), NullLogger<ServerErrorInterceptor>.Instance);

    [Fact]
    public async Task ClientStreaming_MessageDoesNotDecode_InvalidArgument()
    {
        var context = TestServerCallContext.For(null, "/placement.v1.PricingService/ImportPrices");

        var ex = await Assert.ThrowsAsync<RpcException>(() => Interceptor.ClientStreamingServerHandler<string, string>(
            new ListStreamReader<string>([]), context, (_, _) => Task.FromResult(PlacementEngine.Contracts.V1.GetJobRequest.Parser.ParseFrom([0x0A, 0x64, 0x61]).Id)));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains("/placement.v1.PricingService/ImportPrices", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unary_StatusQuotingHugeInput_CutToTheWireBound()
    {
        var context = TestServerCallContext.For(null);
        var detail = "job " + new string('%', 50_000) + " not found";

        var ex = await Assert.ThrowsAsync<RpcException>(() => Interceptor.UnaryServerHandler<string, string>(
            "request", context, (_, _) => throw new RpcException(new Status(StatusCode.NotFound, detail))));

        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
        Assert.StartsWith("job %%%", ex.Status.Detail, StringComparison.Ordinal);
        Assert.InRange(StatusMessageEncoding.Encode(ex.Status.Detail).Length, StatusMessageEncoding.MaxEncodedLength - 16, StatusMessageEncoding.MaxEncodedLength);
    }

    [Fact]
    public async Task Unary_StoreCouldNotTakeTheWrite_UnavailableSoTheClientRetries()
    {
        var context = TestServerCallContext.For(null);

        var ex = await Assert.ThrowsAsync<RpcException>(() => Interceptor.UnaryServerHandler<string, string>(
            "request", context, (_, _) => throw new StoreUnavailableException("the shared commit failed", new IOException("disk full"))));

        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
        Assert.DoesNotContain("disk full", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unary_GrainCallTimedOutWhileItsSiloWasDying_UnavailableSoTheClientRetries()
    {
        var context = TestServerCallContext.For(null);

        var ex = await Assert.ThrowsAsync<RpcException>(() => Interceptor.UnaryServerHandler<string, string>(
            "request", context, (_, _) => throw new InvalidOperationException("the call failed", new TimeoutException("response did not arrive in time"))));

        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
    }

    [Fact]
    public async Task Unary_GrainRefusedOnASiloTheClusterDeclaredDead_UnavailableSoTheClientRetries()
    {
        var context = TestServerCallContext.For(null);

        var ex = await Assert.ThrowsAsync<RpcException>(() => Interceptor.UnaryServerHandler<string, string>(
            "request", context, (_, _) => throw new OrleansException("Trying to register job/1e42 on invalid silo: S127.0.0.1:45003:155641269. Known status: Dead")));

        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
    }

    [Fact]
    public async Task Unary_OtherOrleansFailure_StillInternal()
    {
        var context = TestServerCallContext.For(null);

        var ex = await Assert.ThrowsAsync<RpcException>(() => Interceptor.UnaryServerHandler<string, string>(
            "request", context, (_, _) => throw new OrleansException("a grain's method threw")));

        Assert.Equal(StatusCode.Internal, ex.StatusCode);
    }

    [Fact]
    public async Task Unary_UnexpectedFailure_StillInternal()
    {
        var context = TestServerCallContext.For(null);

        var ex = await Assert.ThrowsAsync<RpcException>(() => Interceptor.UnaryServerHandler<string, string>(
            "request", context, (_, _) => throw new InvalidOperationException("a bug")));

        Assert.Equal(StatusCode.Internal, ex.StatusCode);
    }

    /// <summary>Named as Orleans' own: the interceptor knows Orleans' exceptions by type name, not by reference.</summary>
    private sealed class OrleansException(string message) : Exception(message);

    private sealed class Lifetime : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;
        public CancellationToken ApplicationStopping => CancellationToken.None;
        public CancellationToken ApplicationStopped => CancellationToken.None;
        public void StopApplication()
        {
        }
    }
}
