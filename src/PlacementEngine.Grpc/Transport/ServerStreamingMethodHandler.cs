using Google.Protobuf;
using PlacementEngine.Contracts.Grpc;

namespace PlacementEngine.Grpc.Transport;

internal sealed class ServerStreamingMethodHandler<TRequest, TResponse>(
    GrpcMethodName name,
    bool allowAnonymous,
    MessageParser<TRequest> parser,
    Func<TRequest, IServerStreamWriter<TResponse>, ServerCallContext, Task> handler)
    : GrpcMethodHandler(name, allowAnonymous)
    where TRequest : IMessage<TRequest>
    where TResponse : IMessage<TResponse>
{
    public override bool IsServerStreaming => true;

    public override async Task InvokeAsync(GrpcServerCall call, ServerCallContext context)
    {
        var request = await call.ReadRequestAsync(parser, context.CancellationToken).ConfigureAwait(false);
        var writer = new ResponseStreamWriter<TResponse>(call, context.CancellationToken);
        try
        {
            await handler(request, writer, context).ConfigureAwait(false);
        }
        finally
        {
            writer.Close();
        }
    }
}
