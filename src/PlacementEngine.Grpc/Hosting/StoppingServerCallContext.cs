using Grpc.Core;

namespace PlacementEngine.Grpc.Hosting;

/// <summary>
/// The call's context with a token that also fires when the server begins to shut down. Everything else is the
/// original's; its HttpContext stays reachable through <c>GetHttpContext()</c>.
/// </summary>
internal sealed class StoppingServerCallContext : ServerCallContext, IDisposable
{
    // The key GetHttpContext() looks up when the context is not the package's own.
    private const string HttpContextKey = "__HttpContext";

    private readonly ServerCallContext _inner;
    private readonly CancellationTokenSource _cancellation;

    public StoppingServerCallContext(ServerCallContext inner, CancellationToken stopping)
    {
        _inner = inner;
        _cancellation = CancellationTokenSource.CreateLinkedTokenSource(inner.CancellationToken, stopping);
        inner.UserState[HttpContextKey] = inner.GetHttpContext();
    }

    protected override string MethodCore => _inner.Method;
    protected override string HostCore => _inner.Host;
    protected override string PeerCore => _inner.Peer;
    protected override DateTime DeadlineCore => _inner.Deadline;
    protected override Metadata RequestHeadersCore => _inner.RequestHeaders;
    protected override CancellationToken CancellationTokenCore => _cancellation.Token;
    protected override Metadata ResponseTrailersCore => _inner.ResponseTrailers;
    protected override AuthContext AuthContextCore => _inner.AuthContext;
    protected override IDictionary<object, object> UserStateCore => _inner.UserState;

    protected override Status StatusCore
    {
        get => _inner.Status;
        set => _inner.Status = value;
    }

    protected override WriteOptions? WriteOptionsCore
    {
        get => _inner.WriteOptions;
        set => _inner.WriteOptions = value;
    }

    protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) =>
        _inner.CreatePropagationToken(options);

    protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => _inner.WriteResponseHeadersAsync(responseHeaders);

    public void Dispose() => _cancellation.Dispose();
}
