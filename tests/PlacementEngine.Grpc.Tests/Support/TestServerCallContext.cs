using Grpc.Core;
using Microsoft.AspNetCore.Http;
using PlacementEngine.Grpc.Auth;

namespace PlacementEngine.Grpc.Tests.Support;

/// <summary>
/// A call context for invoking a service method directly: an HttpContext carrying the caller's principal (where
/// <c>GetHttpContext().User</c> finds it), a cancellation token, and no deadline.
/// </summary>
internal sealed class TestServerCallContext : ServerCallContext
{
    // The key GetHttpContext() looks up when the context is not the package's own.
    private const string HttpContextKey = "__HttpContext";

    private readonly Dictionary<object, object> _userState = [];
    private readonly CancellationToken _cancellationToken;
    private readonly string _method;

    private TestServerCallContext(HttpContext http, string method, CancellationToken cancellationToken)
    {
        _userState[HttpContextKey] = http;
        _method = method;
        _cancellationToken = cancellationToken;
    }

    public static TestServerCallContext For(Caller? caller, string method = "/placement.v1.Test/Test", CancellationToken cancellationToken = default)
    {
        var http = new DefaultHttpContext();
        if (caller is not null)
        {
            http.User = CallerClaims.ToPrincipal(caller, BearerTokenDefaults.Scheme);
        }
        return new TestServerCallContext(http, method, cancellationToken);
    }

    protected override string MethodCore => _method;
    protected override string HostCore => "localhost";
    protected override string PeerCore => "ipv4:127.0.0.1:1";
    protected override DateTime DeadlineCore => DateTime.MaxValue;
    protected override Metadata RequestHeadersCore { get; } = [];
    protected override CancellationToken CancellationTokenCore => _cancellationToken;
    protected override Metadata ResponseTrailersCore { get; } = [];
    protected override Status StatusCore { get; set; }
    protected override WriteOptions? WriteOptionsCore { get; set; }
    protected override AuthContext AuthContextCore { get; } = new(null, []);
    protected override IDictionary<object, object> UserStateCore => _userState;

    protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) =>
        throw new NotSupportedException("no propagation in handler tests");

    protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => Task.CompletedTask;
}
