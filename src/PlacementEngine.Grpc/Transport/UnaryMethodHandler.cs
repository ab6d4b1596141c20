using Google.Protobuf;
using PlacementEngine.Contracts.Grpc;

namespace PlacementEngine.Grpc.Transport;

internal sealed class UnaryMethodHandler<TRequest, TResponse>(
    GrpcMethodName name,
    bool allowAnonymous,
    MessageParser<TRequest> parser,
    Func<TRequest, ServerCallContext, Task<TResponse>> handler)
    : GrpcMethodHandler(name, allowAnonymous)
    where TRequest : IMessage<TRequest>
    where TResponse : IMessage<TResponse>
{
    public override bool IsServerStreaming => false;

    public override async Task InvokeAsync(GrpcServerCall call, ServerCallContext context)
    {
        var request = await call.ReadRequestAsync(parser, context.CancellationToken).ConfigureAwait(false);
        var response = await handler(request, context).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"the handler of {Name} returned no response");
        // An answer computed after the deadline (or after the client left) is not sent: the caller has given up.
        context.CancellationToken.ThrowIfCancellationRequested();
        await call.WriteMessageAsync(response, context.CancellationToken).ConfigureAwait(false);
    }
}
