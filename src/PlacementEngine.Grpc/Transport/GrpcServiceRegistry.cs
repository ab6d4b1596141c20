using Google.Protobuf;
using PlacementEngine.Contracts.Grpc;

namespace PlacementEngine.Grpc.Transport;

/// <summary>
/// The methods the server answers, by full name ("/package.Service/Method"). Fill it before the server starts:
/// the transport freezes it on first use so lookups need no locks.
/// </summary>
public sealed class GrpcServiceRegistry
{
    private readonly Dictionary<string, GrpcMethodHandler> _methods = new(StringComparer.Ordinal);
    private readonly HashSet<string> _services = new(StringComparer.Ordinal);
    private volatile bool _frozen;

    public IReadOnlyCollection<string> ServiceNames => _services;

    public IReadOnlyCollection<string> MethodNames => _methods.Keys;

    public bool HasService(string service) => _services.Contains(service);

    /// <param name="allowAnonymous">True to serve callers without a token (health checks); default false.</param>
    public GrpcServiceRegistry AddUnary<TRequest, TResponse>(
        string fullMethod,
        MessageParser<TRequest> parser,
        Func<TRequest, ServerCallContext, Task<TResponse>> handler,
        bool allowAnonymous = false)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(parser);
        ArgumentNullException.ThrowIfNull(handler);
        var name = GrpcMethodName.Parse(fullMethod, nameof(fullMethod));
        return Add(new UnaryMethodHandler<TRequest, TResponse>(name, allowAnonymous, parser, handler));
    }

    public GrpcServiceRegistry AddServerStreaming<TRequest, TResponse>(
        string fullMethod,
        MessageParser<TRequest> parser,
        Func<TRequest, IServerStreamWriter<TResponse>, ServerCallContext, Task> handler,
        bool allowAnonymous = false)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(parser);
        ArgumentNullException.ThrowIfNull(handler);
        var name = GrpcMethodName.Parse(fullMethod, nameof(fullMethod));
        return Add(new ServerStreamingMethodHandler<TRequest, TResponse>(name, allowAnonymous, parser, handler));
    }

    internal bool TryGetMethod(string path, out GrpcMethodHandler handler) => _methods.TryGetValue(path, out handler!);

    internal void Freeze() => _frozen = true;

    private GrpcServiceRegistry Add(GrpcMethodHandler handler)
    {
        if (_frozen)
        {
            throw new InvalidOperationException($"cannot register {handler.Name}: register gRPC methods before the server starts");
        }
        if (!_methods.TryAdd(handler.Name.FullName, handler))
        {
            throw new ArgumentException($"{handler.Name} is registered twice", nameof(handler));
        }
        _services.Add(handler.Name.Service);
        return this;
    }
}
