using PlacementEngine.Contracts.Grpc;

namespace PlacementEngine.Grpc.Transport;

/// <summary>One registered method: reads its request, runs the handler, writes the response messages.</summary>
internal abstract class GrpcMethodHandler(GrpcMethodName name, bool allowAnonymous)
{
    public GrpcMethodName Name { get; } = name;

    public bool AllowAnonymous { get; } = allowAnonymous;

    /// <summary>Server streams may stay open for long, so they also end when the server shuts down.</summary>
    public abstract bool IsServerStreaming { get; }

    /// <summary>Returns normally for an OK status; throws <see cref="RpcException"/> (or anything else) otherwise.</summary>
    public abstract Task InvokeAsync(GrpcServerCall call, ServerCallContext context);
}
