using Microsoft.AspNetCore.Http;
using PlacementEngine.Contracts.Grpc;

namespace PlacementEngine.Grpc.Transport;

/// <summary>What a handler knows about the call it serves.</summary>
public sealed class ServerCallContext
{
    private readonly HttpContext _http;
    private readonly List<KeyValuePair<string, string>> _responseTrailers = [];

    internal ServerCallContext(HttpContext http, GrpcMethodName method, Caller? caller, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        _http = http;
        Method = method;
        Caller = caller;
        Deadline = deadline;
        CancellationToken = cancellationToken;
    }

    public GrpcMethodName Method { get; }

    /// <summary>Who called; null only for methods registered as anonymous (health).</summary>
    public Caller? Caller { get; }

    /// <summary>When the client stops waiting, from grpc-timeout; null when it sent none.</summary>
    public DateTimeOffset? Deadline { get; }

    /// <summary>Fires when the client goes away, the deadline passes, or (for streams) the server shuts down.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>Request metadata as received (HTTP/2 header names are lowercase).</summary>
    public IHeaderDictionary RequestHeaders => _http.Request.Headers;

    public string Peer => $"{_http.Connection.RemoteIpAddress}:{_http.Connection.RemotePort}";

    /// <summary>Correlates the call with the server log.</summary>
    public string TraceId => _http.TraceIdentifier;

    internal IReadOnlyList<KeyValuePair<string, string>> ResponseTrailers => _responseTrailers;

    /// <summary>The caller of an authenticated method. Throws UNAUTHENTICATED if the method was registered as anonymous.</summary>
    public Caller RequireCaller() =>
        Caller ?? throw new RpcException(StatusCode.Unauthenticated, $"{Method} needs a bearer token");

    /// <summary>Adds custom metadata sent with the final status. Names are lowercase; reserved grpc-* names are refused.</summary>
    public void AddResponseTrailer(string name, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        if (name.StartsWith("grpc-", StringComparison.OrdinalIgnoreCase) || name.StartsWith(':'))
        {
            throw new ArgumentException($"'{name}' is reserved by the gRPC protocol", nameof(name));
        }
        _responseTrailers.Add(new(name.ToLowerInvariant(), value));
    }
}
