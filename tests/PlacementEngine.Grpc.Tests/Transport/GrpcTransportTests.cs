using System.Net;
using System.Net.Sockets;
using Grpc.Health.V1;
using Microsoft.Extensions.Logging;
using PlacementEngine.Contracts.Grpc;
using PlacementEngine.Contracts.V1;
using PlacementEngine.Grpc.Tests.Support;
using PlacementEngine.TestKit;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace PlacementEngine.Grpc.Tests.Transport;

/// <summary>The transport on a real Kestrel (127.0.0.1, free port, h2c), called through <see cref="GrpcClient"/> and raw HTTP/2.</summary>
public sealed class GrpcTransportTests : IAsyncLifetime
{
    // Only a safety net for awaiting server-side signals; no test relies on how long anything takes.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private GrpcTestHost _host = null!;

    public async Task InitializeAsync() => _host = await GrpcTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Unary_AdminToken_AnswersWithTheCallerFromTheToken()
    {
        using var client = _host.CreateClient(GrpcTestHost.AdminToken);

        var job = await client.UnaryAsync(JobServiceMethods.GetJob, new GetJobRequest { Id = "j-1" }, Job.Parser);

        Assert.Equal("j-1", job.Id);
        Assert.Equal("platform", job.Team);
        Assert.Equal("Admin; deadline none", job.StateReason);
    }

    [Fact]
    public async Task Unary_SubmitterTokenWithDeadline_HandlerSeesTeamRoleAndDeadline()
    {
        using var client = _host.CreateClient(GrpcTestHost.SubmitterToken);

        var job = await client.UnaryAsync(JobServiceMethods.GetJob, new GetJobRequest { Id = "j-2" }, Job.Parser, TimeSpan.FromMinutes(1));

        Assert.Equal(GrpcTestHost.SubmitterTeam, job.Team);
        Assert.Equal("Submitter; deadline set", job.StateReason);
    }

    [Fact]
    public async Task Unary_HandlerThrowsRpcException_ClientGetsStatusAndNonAsciiDetail()
    {
        using var client = _host.CreateClient();

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(JobServiceMethods.GetJob, new GetJobRequest { Id = "ghost" }, Job.Parser));

        Assert.Equal(StatusCode.NotFound, ex.Status);
        Assert.Equal(ScriptedJobService.NotFoundDetail, ex.Detail);
    }

    [Fact]
    public async Task Unary_ErrorBeforeAnyMessage_IsTrailersOnlyWithPercentEncodedMessage()
    {
        var response = await RawGrpcCall.SendAsync(_host.Address, JobServiceMethods.GetJob, GrpcFrameWriter.ToFrame(new GetJobRequest { Id = "ghost" }));

        Assert.Equal(HttpStatusCode.OK, response.HttpStatus);
        Assert.Equal("5", response.Header("grpc-status"));
        Assert.Empty(response.Body);
        var encoded = response.Header("grpc-message")!;
        Assert.All(encoded, c => Assert.InRange(c, ' ', '~'));
        Assert.Equal(ScriptedJobService.NotFoundDetail, GrpcStatusMessage.Decode(encoded));
    }

    [Fact]
    public async Task Unary_Ok_StatusAndCustomMetadataInTrailers()
    {
        var response = await RawGrpcCall.SendAsync(_host.Address, JobServiceMethods.GetJob, GrpcFrameWriter.ToFrame(new GetJobRequest { Id = "trailer" }));

        Assert.Null(response.Header("grpc-status"));
        Assert.Equal("0", response.Trailer("grpc-status"));
        Assert.Equal("scripted", response.Trailer("x-served-by"));
        Assert.NotEmpty(response.Body);
    }

    [Fact]
    public async Task ServerStreaming_ThreeEvents_YieldsAllInOrderThenCompletes()
    {
        using var client = _host.CreateClient();
        var states = new List<JobState>();

        await foreach (var e in client.ServerStreamingAsync(JobServiceMethods.WatchJob, new WatchJobRequest { Id = "j-3" }, JobEvent.Parser))
        {
            states.Add(e.Job.State);
        }

        Assert.Equal([JobState.Pending, JobState.Placed, JobState.Running], states);
    }

    [Fact]
    public async Task ServerStreaming_ErrorAfterMessages_YieldsThemThenThrowsStatusFromTrailers()
    {
        using var client = _host.CreateClient();
        var received = 0;

        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var _ in client.ServerStreamingAsync(JobServiceMethods.WatchJob, new WatchJobRequest { Id = "fail-after-2" }, JobEvent.Parser))
            {
                received++;
            }
        });

        Assert.Equal(2, received);
        Assert.Equal(StatusCode.FailedPrecondition, ex.Status);
        Assert.Equal(ScriptedJobService.StreamFailureDetail, ex.Detail);
    }

    [Fact]
    public async Task ServerStreaming_ErrorAfterMessages_StatusTravelsInTrailersNotHeaders()
    {
        var response = await RawGrpcCall.SendAsync(_host.Address, JobServiceMethods.WatchJob, GrpcFrameWriter.ToFrame(new WatchJobRequest { Id = "fail-after-2" }));

        Assert.Null(response.Header("grpc-status"));
        Assert.Equal("9", response.Trailer("grpc-status"));
        Assert.NotEmpty(response.Body);
    }

    [Fact]
    public async Task ServerStreaming_ClientStopsReading_HandlerTokenIsCancelled()
    {
        using var client = _host.CreateClient();

        await foreach (var e in client.ServerStreamingAsync(JobServiceMethods.WatchJob, new WatchJobRequest { Id = "endless" }, JobEvent.Parser))
        {
            Assert.Equal(JobState.Running, e.Job.State);
            break;
        }

        await _host.Service.EndlessWatchCancelled.Task.WaitAsync(Bound);
    }

    [Fact]
    public async Task Unary_RequestAboveMaxReceive_ResourceExhaustedNamingBothSizes()
    {
        using var client = _host.CreateClient();
        var request = new GetJobRequest { Id = new string('x', GrpcTestHost.MaxReceiveMessageBytes + 100) };

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(JobServiceMethods.GetJob, request, Job.Parser));

        Assert.Equal(StatusCode.ResourceExhausted, ex.Status);
        Assert.Equal($"received message of {request.CalculateSize()} bytes exceeds the maximum of {GrpcTestHost.MaxReceiveMessageBytes} bytes", ex.Detail);
    }

    [Fact]
    public async Task Unary_RequestFarAboveFlowControlWindow_ResourceExhaustedWithoutReadingIt()
    {
        using var client = _host.CreateClient();
        var request = new GetJobRequest { Id = new string('x', 10 * 1024 * 1024) };

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(JobServiceMethods.GetJob, request, Job.Parser));

        Assert.Equal(StatusCode.ResourceExhausted, ex.Status);
    }

    [Fact]
    public async Task Unary_UnknownMethodOfKnownService_UnimplementedNamingTheMethod()
    {
        using var client = _host.CreateClient();

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync("/placement.v1.JobService/Teleport", new GetJobRequest(), Job.Parser));

        Assert.Equal(StatusCode.Unimplemented, ex.Status);
        Assert.Equal("unknown method '/placement.v1.JobService/Teleport': service placement.v1.JobService has no method Teleport", ex.Detail);
    }

    [Fact]
    public async Task Unary_UnknownService_UnimplementedNamingTheService()
    {
        using var client = _host.CreateClient();

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync("/placement.v9.Nope/Get", new GetJobRequest(), Job.Parser));

        Assert.Equal(StatusCode.Unimplemented, ex.Status);
        Assert.Contains("this server has no service placement.v9.Nope", ex.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unary_CompressedFrame_RefusedAndIdentityAdvertised()
    {
        var frame = GrpcFrameWriter.ToFrame(new GetJobRequest { Id = "j-4" });
        frame[0] = 1;

        var response = await RawGrpcCall.SendAsync(_host.Address, JobServiceMethods.GetJob, frame);

        Assert.Equal("12", response.Header("grpc-status"));
        Assert.Equal("compressed messages are not supported; send identity", GrpcStatusMessage.Decode(response.Header("grpc-message")));
        Assert.Equal("identity", response.Header("grpc-accept-encoding"));
    }

    [Fact]
    public async Task Unary_GzipEncodingHeader_RefusedBeforeReading()
    {
        var response = await RawGrpcCall.SendAsync(
            _host.Address,
            JobServiceMethods.GetJob,
            GrpcFrameWriter.ToFrame(new GetJobRequest { Id = "j-5" }),
            headers: new Dictionary<string, string> { ["grpc-encoding"] = "gzip" });

        Assert.Equal("12", response.Header("grpc-status"));
        Assert.Equal(
            "compressed messages are not supported; send identity (the request has grpc-encoding 'gzip')",
            GrpcStatusMessage.Decode(response.Header("grpc-message")));
    }

    [Fact]
    public async Task Unary_MalformedProtobuf_InternalNamingTheMessageType()
    {
        byte[] frame = [0, 0, 0, 0, 3, 0xFF, 0xFF, 0xFF];

        var response = await RawGrpcCall.SendAsync(_host.Address, JobServiceMethods.GetJob, frame);

        Assert.Equal("13", response.Header("grpc-status"));
        Assert.StartsWith("the request is not a valid GetJobRequest message", GrpcStatusMessage.Decode(response.Header("grpc-message")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unary_MalformedTimeout_InternalNamingTheHeader()
    {
        var response = await RawGrpcCall.SendAsync(
            _host.Address,
            JobServiceMethods.GetJob,
            GrpcFrameWriter.ToFrame(new GetJobRequest { Id = "j-6" }),
            headers: new Dictionary<string, string> { ["grpc-timeout"] = "soon" });

        Assert.Equal("13", response.Header("grpc-status"));
        Assert.StartsWith("malformed grpc-timeout 'soon'", GrpcStatusMessage.Decode(response.Header("grpc-message")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unary_NoMessageInRequest_Internal()
    {
        var response = await RawGrpcCall.SendAsync(_host.Address, JobServiceMethods.GetJob, []);

        Assert.Equal("13", response.Header("grpc-status"));
        Assert.Contains("carried no message", GrpcStatusMessage.Decode(response.Header("grpc-message")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unary_NoToken_UnauthenticatedMissingBearerToken()
    {
        using var client = _host.CreateClient(token: null);

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(JobServiceMethods.GetJob, new GetJobRequest { Id = "j-7" }, Job.Parser));

        Assert.Equal(StatusCode.Unauthenticated, ex.Status);
        Assert.StartsWith("missing bearer token", ex.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unary_UnknownToken_UnauthenticatedUnknownToken()
    {
        using var client = _host.CreateClient(token: "guessed-token");

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(JobServiceMethods.GetJob, new GetJobRequest { Id = "j-8" }, Job.Parser));

        Assert.Equal(StatusCode.Unauthenticated, ex.Status);
        Assert.Equal("unknown token", ex.Detail);
    }

    [Fact]
    public async Task Unary_HandlerCrashes_InternalWithTraceIdAndNoInternalsAndTheErrorIsLogged()
    {
        using var client = _host.CreateClient();

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(JobServiceMethods.GetJob, new GetJobRequest { Id = "crash" }, Job.Parser));

        Assert.Equal(StatusCode.Internal, ex.Status);
        Assert.DoesNotContain(ScriptedJobService.SecretInCrash, ex.Detail, StringComparison.Ordinal);
        Assert.Contains("trace id", ex.Detail, StringComparison.Ordinal);
        var logged = Assert.Single(_host.Logs.Entries, e => e.Level == LogLevel.Error);
        Assert.IsType<InvalidOperationException>(logged.Exception);
        Assert.Contains(JobServiceMethods.GetJob, logged.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthCheck_WithoutToken_Serving()
    {
        using var client = _host.CreateClient(token: null);

        var overall = await client.UnaryAsync(HealthMethods.Check, new HealthCheckRequest(), HealthCheckResponse.Parser);
        var jobs = await client.UnaryAsync(HealthMethods.Check, new HealthCheckRequest { Service = JobServiceMethods.ServiceName }, HealthCheckResponse.Parser);

        Assert.Equal(ServingStatus.Serving, overall.Status);
        Assert.Equal(ServingStatus.Serving, jobs.Status);
    }

    [Fact]
    public async Task HealthCheck_UnknownService_NotFound()
    {
        using var client = _host.CreateClient(token: null);

        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            client.UnaryAsync(HealthMethods.Check, new HealthCheckRequest { Service = "no.such.Service" }, HealthCheckResponse.Parser));

        Assert.Equal(StatusCode.NotFound, ex.Status);
        Assert.Equal("unknown service 'no.such.Service'", ex.Detail);
    }

    [Fact]
    public async Task HealthWatch_StatusChanges_StreamsCurrentThenTheChange()
    {
        using var client = _host.CreateClient(token: null);
        await using var stream = client.ServerStreamingAsync(HealthMethods.Watch, new HealthCheckRequest(), HealthCheckResponse.Parser).GetAsyncEnumerator();

        Assert.True(await stream.MoveNextAsync());
        Assert.Equal(ServingStatus.Serving, stream.Current.Status);

        _host.Health.SetStatus("", ServingStatus.NotServing);

        Assert.True(await stream.MoveNextAsync());
        Assert.Equal(ServingStatus.NotServing, stream.Current.Status);
    }

    [Fact]
    public async Task GrpcPath_GetRequest_Http415()
    {
        var response = await RawGrpcCall.SendAsync(_host.Address, JobServiceMethods.GetJob, [], HttpMethod.Get);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.HttpStatus);
    }

    [Fact]
    public async Task GrpcPath_JsonContentType_Http415()
    {
        var response = await RawGrpcCall.SendAsync(_host.Address, JobServiceMethods.GetJob, "{}"u8.ToArray(), contentType: "application/json");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.HttpStatus);
    }

    [Fact]
    public async Task OtherRequest_NotGrpc_PassesToTheRestOfThePipeline()
    {
        var response = await RawGrpcCall.SendAsync(_host.Address, "/metrics", [], HttpMethod.Get);

        Assert.Equal(HttpStatusCode.OK, response.HttpStatus);
        Assert.Equal("not grpc", System.Text.Encoding.UTF8.GetString(response.Body));
    }

    [Fact]
    public async Task Unary_NothingListening_Unavailable()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var client = new GrpcClient(new Uri($"http://127.0.0.1:{port}"), GrpcTestHost.AdminToken);

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(JobServiceMethods.GetJob, new GetJobRequest(), Job.Parser));

        Assert.Equal(StatusCode.Unavailable, ex.Status);
        Assert.Contains($"127.0.0.1:{port}", ex.Detail, StringComparison.Ordinal);
    }
}
