using System.Net;
using System.Net.Http.Headers;
using PlacementEngine.Contracts.Grpc;
using PlacementEngine.Contracts.V1;
using PlacementEngine.Grpc.Tests.Support;

namespace PlacementEngine.Grpc.Tests.Contracts;

/// <summary>The client against scripted HTTP responses; the real server is exercised in the transport tests.</summary>
public sealed class GrpcClientTests
{
    private static readonly Uri Address = new("http://127.0.0.1:50051");

    private static HttpResponseMessage GrpcResponse(byte[] body, string? status, string? message = null)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(body) };
        response.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        if (status is not null)
        {
            response.TrailingHeaders.Add("grpc-status", status);
        }
        if (message is not null)
        {
            response.TrailingHeaders.Add("grpc-message", message);
        }
        return response;
    }

    private static byte[] Frames(params Google.Protobuf.IMessage[] messages) => [.. messages.SelectMany(GrpcFrameWriter.ToFrame)];

    [Fact]
    public async Task UnaryAsync_Call_SendsGrpcHeadersTokenDeadlineAndFramedRequest()
    {
        var handler = new StubHttpHandler(_ => GrpcResponse(Frames(new Job { Id = "j1" }), "0"));
        using var client = new GrpcClient(Address, "dev-admin-token", handler);

        await client.UnaryAsync(JobServiceMethods.GetJob, new GetJobRequest { Id = "j1" }, Job.Parser, TimeSpan.FromSeconds(2));

        var request = handler.LastRequest!;
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal(new Uri("http://127.0.0.1:50051/placement.v1.JobService/GetJob"), request.RequestUri);
        Assert.Equal(HttpVersion.Version20, request.Version);
        Assert.Equal(HttpVersionPolicy.RequestVersionExact, request.VersionPolicy);
        Assert.Equal("Bearer dev-admin-token", request.Headers.Authorization?.ToString());
        Assert.Equal("trailers", request.Headers.TE.ToString());
        Assert.Equal("application/grpc", request.Content!.Headers.ContentType!.MediaType);
        Assert.Equal(["2000000u"], request.Headers.GetValues("grpc-timeout"));
        Assert.Equal(GrpcFrameWriter.ToFrame(new GetJobRequest { Id = "j1" }), handler.LastBody);
    }

    [Fact]
    public async Task UnaryAsync_NoTokenNoDeadline_SendsNeither()
    {
        var handler = new StubHttpHandler(_ => GrpcResponse(Frames(new Job()), "0"));
        using var client = new GrpcClient(Address, bearerToken: null, handler);

        await client.UnaryAsync(JobServiceMethods.GetJob, new GetJobRequest(), Job.Parser);

        Assert.Null(handler.LastRequest!.Headers.Authorization);
        Assert.False(handler.LastRequest.Headers.Contains("grpc-timeout"));
    }

    [Fact]
    public async Task UnaryAsync_ErrorInTrailers_ThrowsWithDecodedDetail()
    {
        var handler = new StubHttpHandler(_ => GrpcResponse([], "5", "job %C3%BC not found"));
        using var client = new GrpcClient(Address, "t", handler);

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(JobServiceMethods.GetJob, new GetJobRequest(), Job.Parser));

        Assert.Equal(StatusCode.NotFound, ex.Status);
        Assert.Equal("job ü not found", ex.Detail);
        Assert.Equal("NOT_FOUND: job ü not found", ex.Message);
    }

    [Fact]
    public async Task UnaryAsync_TrailersOnlyError_ThrowsFromHeaders()
    {
        var handler = new StubHttpHandler(_ =>
        {
            var response = GrpcResponse([], status: null);
            response.Headers.Add("grpc-status", "16");
            response.Headers.Add("grpc-message", "unknown token");
            return response;
        });
        using var client = new GrpcClient(Address, "t", handler);

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(JobServiceMethods.GetJob, new GetJobRequest(), Job.Parser));

        Assert.Equal(StatusCode.Unauthenticated, ex.Status);
        Assert.Equal("unknown token", ex.Detail);
    }

    [Fact]
    public async Task UnaryAsync_OkWithoutMessage_Internal()
    {
        using var client = new GrpcClient(Address, "t", new StubHttpHandler(_ => GrpcResponse([], "0")));

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(JobServiceMethods.GetJob, new GetJobRequest(), Job.Parser));

        Assert.Equal(StatusCode.Internal, ex.Status);
        Assert.Contains("without a response message", ex.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnaryAsync_TwoMessages_Internal()
    {
        using var client = new GrpcClient(Address, "t", new StubHttpHandler(_ => GrpcResponse(Frames(new Job(), new Job()), "0")));

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(JobServiceMethods.GetJob, new GetJobRequest(), Job.Parser));

        Assert.Equal(StatusCode.Internal, ex.Status);
        Assert.Contains("more than one response message", ex.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnaryAsync_NoStatusTrailer_Internal()
    {
        using var client = new GrpcClient(Address, "t", new StubHttpHandler(_ => GrpcResponse(Frames(new Job()), status: null)));

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(JobServiceMethods.GetJob, new GetJobRequest(), Job.Parser));

        Assert.Equal(StatusCode.Internal, ex.Status);
        Assert.Contains("without a grpc-status trailer", ex.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnaryAsync_ResponseAboveMaxReceive_ResourceExhausted()
    {
        var big = new Job { Id = new string('x', 5000) };
        using var client = new GrpcClient(Address, "t", new StubHttpHandler(_ => GrpcResponse(Frames(big), "0"))) { MaxReceiveMessageBytes = 4096 };

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(JobServiceMethods.GetJob, new GetJobRequest(), Job.Parser));

        Assert.Equal(StatusCode.ResourceExhausted, ex.Status);
    }

    [Fact]
    public async Task UnaryAsync_GarbageResponse_InternalNamingTheType()
    {
        byte[] garbage = [0, 0, 0, 0, 2, 0xFF, 0xFF];
        using var client = new GrpcClient(Address, "t", new StubHttpHandler(_ => GrpcResponse(garbage, "0")));

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(JobServiceMethods.GetJob, new GetJobRequest(), Job.Parser));

        Assert.Equal(StatusCode.Internal, ex.Status);
        Assert.Contains("not a valid Job", ex.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable, StatusCode.Unavailable)]
    [InlineData(HttpStatusCode.NotFound, StatusCode.Unimplemented)]
    [InlineData(HttpStatusCode.Unauthorized, StatusCode.Unauthenticated)]
    [InlineData(HttpStatusCode.Forbidden, StatusCode.PermissionDenied)]
    [InlineData(HttpStatusCode.BadRequest, StatusCode.Internal)]
    [InlineData(HttpStatusCode.UnsupportedMediaType, StatusCode.Unknown)]
    public async Task UnaryAsync_HttpErrorWithoutGrpcStatus_MapsAsTheSpecSays(HttpStatusCode http, StatusCode expected)
    {
        using var client = new GrpcClient(Address, "t", new StubHttpHandler(_ => new HttpResponseMessage(http)));

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(JobServiceMethods.GetJob, new GetJobRequest(), Job.Parser));

        Assert.Equal(expected, ex.Status);
        Assert.Contains($"HTTP {(int)http}", ex.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnaryAsync_NotGrpcContent_Unknown()
    {
        var handler = new StubHttpHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("<html/>") });
        using var client = new GrpcClient(Address, "t", handler);

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(JobServiceMethods.GetJob, new GetJobRequest(), Job.Parser));

        Assert.Equal(StatusCode.Unknown, ex.Status);
        Assert.Contains("text/plain", ex.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnaryAsync_ExpiredDeadline_DeadlineExceededWithoutSending()
    {
        var handler = new StubHttpHandler(_ => GrpcResponse(Frames(new Job()), "0"));
        using var client = new GrpcClient(Address, "t", handler);

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(JobServiceMethods.GetJob, new GetJobRequest(), Job.Parser, TimeSpan.Zero));

        Assert.Equal(StatusCode.DeadlineExceeded, ex.Status);
        Assert.Null(handler.LastRequest);
    }

    [Fact]
    public async Task UnaryAsync_CallerCancels_Cancelled()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        using var client = new GrpcClient(Address, "t", new StubHttpHandler(_ => GrpcResponse(Frames(new Job()), "0")));

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(JobServiceMethods.GetJob, new GetJobRequest(), Job.Parser, cancellationToken: cts.Token));

        Assert.Equal(StatusCode.Cancelled, ex.Status);
    }

    [Fact]
    public async Task ServerStreamingAsync_MessagesThenError_YieldsMessagesThenThrows()
    {
        var body = Frames(new JobEvent { Job = new Job { Id = "a" } }, new JobEvent { Job = new Job { Id = "b" } });
        using var client = new GrpcClient(Address, "t", new StubHttpHandler(_ => GrpcResponse(body, "9", "stopped")));
        var seen = new List<string>();

        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var e in client.ServerStreamingAsync(JobServiceMethods.WatchJob, new WatchJobRequest(), JobEvent.Parser))
            {
                seen.Add(e.Job.Id);
            }
        });

        Assert.Equal(["a", "b"], seen);
        Assert.Equal(StatusCode.FailedPrecondition, ex.Status);
    }

    [Theory]
    [InlineData("ftp://host/")]
    [InlineData("/relative")]
    public void Constructor_NotHttpAddress_Throws(string address) =>
        Assert.Throws<ArgumentException>(() => new GrpcClient(new Uri(address, UriKind.RelativeOrAbsolute), null));

    [Fact]
    public void Constructor_TokenWithNewline_Throws() =>
        Assert.Throws<ArgumentException>(() => new GrpcClient(Address, "abc\r\ninjected: yes"));

    [Fact]
    public async Task UnaryAsync_MalformedMethodName_Throws()
    {
        using var client = new GrpcClient(Address, "t", new StubHttpHandler(_ => GrpcResponse([], "0")));

        await Assert.ThrowsAsync<ArgumentException>(() => client.UnaryAsync("GetJob", new GetJobRequest(), Job.Parser));
    }
}
