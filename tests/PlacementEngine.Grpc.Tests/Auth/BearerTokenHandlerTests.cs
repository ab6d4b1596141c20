using System.Net;
using System.Net.Http.Headers;
using Grpc.Core;
using PlacementEngine.Contracts.V1;
using PlacementEngine.Grpc.Tests.Support;

namespace PlacementEngine.Grpc.Tests.Auth;

/// <summary>Bearer tokens over a real channel: who gets in, and the gRPC statuses (not bare HTTP 401/403) of who does not.</summary>
public sealed class BearerTokenHandlerTests : IAsyncLifetime
{
    private GrpcTestHost _host = null!;

    public async Task InitializeAsync() => _host = await GrpcTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("Bearer test-admin-token")]
    [InlineData("bearer test-admin-token")]
    [InlineData("Bearer  test-admin-token ")]
    public async Task Call_KnownTokenInAnySpelling_ServedAsItsCaller(string authorization)
    {
        var job = await _host.Jobs(token: null).GetJobAsync(new GetJobRequest { Id = "j" }, Authorization(authorization));

        Assert.Equal("platform", job.Team);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer ")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("test-admin-token")]
    public async Task Call_NoBearerToken_UnauthenticatedMissingBearerToken(string? authorization)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            _host.Jobs(token: null).GetJobAsync(new GetJobRequest { Id = "j" }, authorization is null ? null : Authorization(authorization)).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        Assert.Equal("missing bearer token: send the metadata 'authorization: Bearer <token>'", ex.Status.Detail);
    }

    [Theory]
    [InlineData("test-admin")]
    [InlineData("TEST-ADMIN-TOKEN")]
    public async Task Call_UnknownToken_UnauthenticatedUnknownToken(string token)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => _host.Jobs(token).GetJobAsync(new GetJobRequest { Id = "j" }).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        Assert.Equal("unknown token", ex.Status.Detail);
    }

    [Fact]
    public async Task Challenge_OnTheWire_GrpcStatusInTrailersOnlyResponseNotHttp401()
    {
        var response = await RawGetJobAsync(token: "guessed");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("16", response.Headers.GetValues("grpc-status").Single());
        Assert.Equal("unknown token", response.Headers.GetValues("grpc-message").Single());
    }

    private static Metadata Authorization(string value) => new() { { "authorization", value } };

    private async Task<HttpResponseMessage> RawGetJobAsync(string token)
    {
        using var http = new HttpClient();
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(_host.Address, "/placement.v1.JobService/GetJob"))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent([0, 0, 0, 0, 0]),
        };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        message.Headers.TE.ParseAdd("trailers");
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await http.SendAsync(message);
        await response.Content.ReadAsByteArrayAsync();
        return response;
    }
}
