using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using PlacementEngine.Contracts.V1;
using PlacementEngine.Grpc.Tests.Support;

namespace PlacementEngine.Grpc.Tests.Hosting;

/// <summary>The server on a real Kestrel (127.0.0.1, free port, h2c), called through Grpc.Net.Client and raw HTTP/2.</summary>
public sealed class GrpcServerTests : IAsyncLifetime
{
    // Only a safety net for awaiting server-side signals; no test relies on how long anything takes.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private GrpcTestHost _host = null!;

    public async Task InitializeAsync() => _host = await GrpcTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Unary_AdminToken_AnswersWithTheCallerFromTheToken()
    {
        var job = await _host.Jobs(GrpcTestHost.AdminToken).GetJobAsync(new GetJobRequest { Id = "j-1" });

        Assert.Equal(("j-1", "platform", "Admin; deadline none"), (job.Id, job.Team, job.StateReason));
    }

    [Fact]
    public async Task Unary_SubmitterTokenWithDeadline_HandlerSeesTeamRoleAndDeadline()
    {
        var job = await _host.Jobs(GrpcTestHost.SubmitterToken).GetJobAsync(new GetJobRequest { Id = "j-2" }, deadline: DateTime.UtcNow.AddMinutes(1));

        Assert.Equal((GrpcTestHost.SubmitterTeam, "Submitter; deadline set"), (job.Team, job.StateReason));
    }

    [Fact]
    public async Task Unary_HandlerThrowsRpcException_ClientGetsStatusAndNonAsciiDetail()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => _host.Jobs().GetJobAsync(new GetJobRequest { Id = "ghost" }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
        Assert.Equal(ScriptedJobService.NotFoundDetail, ex.Status.Detail);
    }

    [Fact]
    public async Task Unary_HandlerQuotesHugeInput_StatusReachesTheClientCutToTheHeaderBound()
    {
        // 20,000 non-ASCII characters: 40 KB in the request, 120 KB once percent-encoded in grpc-message.
        var id = "echo:" + new string('é', 20_000);

        var ex = await Assert.ThrowsAsync<RpcException>(() => _host.Jobs().GetJobAsync(new GetJobRequest { Id = id }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
        Assert.StartsWith("job echo:éé", ex.Status.Detail, StringComparison.Ordinal);
        Assert.EndsWith("(message cut)", ex.Status.Detail, StringComparison.Ordinal);
        Assert.InRange(PlacementEngine.Grpc.Hosting.StatusMessageEncoding.Encode(ex.Status.Detail).Length, 1, PlacementEngine.Grpc.Hosting.StatusMessageEncoding.MaxEncodedLength);
    }

    [Fact]
    public async Task Unary_Ok_CustomTrailersReachTheClient()
    {
        using var call = _host.Jobs().GetJobAsync(new GetJobRequest { Id = "trailer" });
        await call.ResponseAsync;

        Assert.Equal("scripted", call.GetTrailers().GetValue("x-served-by"));
    }

    [Fact]
    public async Task ServerStreaming_ThreeEvents_YieldsAllInOrderThenCompletes()
    {
        using var call = _host.Jobs().WatchJob(new WatchJobRequest { Id = "j-3" });

        var states = await call.ResponseStream.ReadAllAsync().Select(e => e.Job.State).ToListAsync();

        Assert.Equal([JobState.Pending, JobState.Placed, JobState.Running], states);
    }

    [Fact]
    public async Task ServerStreaming_ErrorAfterMessages_YieldsThemThenTheStatus()
    {
        using var call = _host.Jobs().WatchJob(new WatchJobRequest { Id = "fail-after-2" });
        var received = 0;

        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var _ in call.ResponseStream.ReadAllAsync())
            {
                received++;
            }
        });

        Assert.Equal(2, received);
        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        Assert.Equal(ScriptedJobService.StreamFailureDetail, ex.Status.Detail);
    }

    [Fact]
    public async Task ServerStreaming_ClientStopsReading_HandlerTokenIsCancelled()
    {
        using (var call = _host.Jobs().WatchJob(new WatchJobRequest { Id = "endless" }))
        {
            Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
            Assert.Equal(JobState.Running, call.ResponseStream.Current.Job.State);
        }

        await _host.Service.EndlessWatchCancelled.Task.WaitAsync(Bound);
    }

    [Fact]
    public async Task Unary_RequestAboveMaxReceive_ResourceExhausted()
    {
        var request = new GetJobRequest { Id = new string('x', GrpcTestHost.MaxReceiveMessageBytes + 100) };

        var ex = await Assert.ThrowsAsync<RpcException>(() => _host.Jobs().GetJobAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
    }

    [Fact]
    public async Task Unary_RequestFarAboveFlowControlWindow_ResourceExhausted()
    {
        var request = new GetJobRequest { Id = new string('x', 10 * 1024 * 1024) };

        var ex = await Assert.ThrowsAsync<RpcException>(() => _host.Jobs().GetJobAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
    }

    [Fact]
    public async Task Unary_UnknownMethodOfKnownService_UnimplementedNamingTheMethod()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => CallAsync("/placement.v1.JobService/Teleport", GrpcTestHost.AdminToken));

        Assert.Equal(StatusCode.Unimplemented, ex.StatusCode);
        Assert.Equal("unknown method '/placement.v1.JobService/Teleport': service placement.v1.JobService has no method Teleport", ex.Status.Detail);
    }

    [Fact]
    public async Task Unary_UnknownServiceWithoutToken_UnimplementedNamingTheService()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => CallAsync("/placement.v9.Nope/Get", token: null));

        Assert.Equal(StatusCode.Unimplemented, ex.StatusCode);
        Assert.Equal("unknown method '/placement.v9.Nope/Get': this server has no service placement.v9.Nope", ex.Status.Detail);
    }

    [Fact]
    public async Task Unary_GzipCompressedRequest_ReadAndAnswered()
    {
        // Grpc.Net.Client compresses the request message with the algorithm this metadata names.
        var headers = new Metadata { { "grpc-internal-encoding-request", "gzip" } };

        var job = await _host.Jobs().GetJobAsync(new GetJobRequest { Id = "zipped" }, headers);

        Assert.Equal("zipped", job.Id);
    }

    [Theory]
    [InlineData("large", "identity,gzip", "gzip", 1)]
    [InlineData("large", "identity", null, 0)]
    [InlineData("plain", "identity,gzip", "gzip", 0)]
    public async Task Unary_ClientAcceptEncoding_ResponseCompressedOnlyWhenGzipIsAcceptedAndTheResponseIsLarge(string id, string acceptEncoding, string? encoding, byte compressedFlag)
    {
        var response = await RawCallAsync(new GetJobRequest { Id = id }, acceptEncoding);

        Assert.Equal("0", response.Trailers.TryGetValues("grpc-status", out var status) ? status.Single() : null);
        Assert.Equal(encoding, response.Headers.TryGetValues("grpc-encoding", out var values) ? values.Single() : null);
        Assert.Equal(compressedFlag, response.Body[0]);
    }

    [Fact]
    public async Task Unary_HandlerCrashes_InternalWithTraceIdAndNoInternalsAndTheErrorIsLogged()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => _host.Jobs().GetJobAsync(new GetJobRequest { Id = "crash" }).ResponseAsync);

        Assert.Equal(StatusCode.Internal, ex.StatusCode);
        Assert.DoesNotContain(ScriptedJobService.SecretInCrash, ex.Status.Detail, StringComparison.Ordinal);
        Assert.StartsWith("internal error; the server log has the details under trace id ", ex.Status.Detail, StringComparison.Ordinal);
        var logged = Assert.Single(_host.Logs.Entries, e => e.Level == LogLevel.Error && e.Exception is InvalidOperationException);
        Assert.Contains("/placement.v1.JobService/GetJob", logged.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtherRequest_NotGrpc_ReachesItsOwnEndpoint()
    {
        using var http = new HttpClient { DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };

        var text = await http.GetStringAsync(new Uri(_host.Address, "/plain"));

        Assert.Equal("not grpc", text);
    }

    private Task<Job> CallAsync(string method, string? token)
    {
        var teleport = new Method<GetJobRequest, Job>(MethodType.Unary, method.Split('/')[1], method.Split('/')[2],
            Marshallers.Create(m => m.ToByteArray(), GetJobRequest.Parser.ParseFrom), Marshallers.Create(m => m.ToByteArray(), Job.Parser.ParseFrom));
        return _host.Invoker(token).AsyncUnaryCall(teleport, null, new CallOptions(), new GetJobRequest()).ResponseAsync;
    }

    [Fact]
    public async Task Unary_UndecodableRequestMessage_InvalidArgument()
    {
        // Field 1 (id) claims 100 bytes of string but the message ends after 3: no protobuf decoder can read it.
        var (headers, _, trailers) = await RawCallAsync([0x0A, 0x64, 0x61, 0x62, 0x63], "identity");

        var status = trailers.Contains("grpc-status") ? trailers : headers;
        Assert.Equal(((int)StatusCode.InvalidArgument).ToString(System.Globalization.CultureInfo.InvariantCulture), status.GetValues("grpc-status").Single());
        Assert.Contains("request", status.GetValues("grpc-message").Single(), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A hand-made HTTP/2 gRPC call, to see the headers the client library hides.</summary>
    private Task<(HttpResponseHeaders Headers, byte[] Body, HttpResponseHeaders Trailers)> RawCallAsync(GetJobRequest request, string acceptEncoding) =>
        RawCallAsync(request.ToByteArray(), acceptEncoding);

    private async Task<(HttpResponseHeaders Headers, byte[] Body, HttpResponseHeaders Trailers)> RawCallAsync(byte[] payload, string acceptEncoding)
    {
        var frame = new byte[5 + payload.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)payload.Length);
        payload.CopyTo(frame, 5);
        using var http = new HttpClient();
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(_host.Address, "/placement.v1.JobService/GetJob"))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(frame),
        };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        message.Headers.TE.ParseAdd("trailers");
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", GrpcTestHost.AdminToken);
        message.Headers.TryAddWithoutValidation("grpc-accept-encoding", acceptEncoding);
        using var response = await http.SendAsync(message);
        var body = await response.Content.ReadAsByteArrayAsync();
        return (response.Headers, body, response.TrailingHeaders);
    }
}
