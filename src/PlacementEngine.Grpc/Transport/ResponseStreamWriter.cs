using Google.Protobuf;

namespace PlacementEngine.Grpc.Transport;

internal sealed class ResponseStreamWriter<TMessage>(GrpcServerCall call, CancellationToken callToken) : IServerStreamWriter<TMessage>
    where TMessage : IMessage<TMessage>
{
    private int _writing;
    private volatile bool _closed;

    public async Task WriteAsync(TMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (_closed)
        {
            throw new InvalidOperationException("the call has ended; a handler must not write after it returns");
        }
        if (Interlocked.Exchange(ref _writing, 1) == 1)
        {
            throw new InvalidOperationException("a write is already in progress; await each WriteAsync before the next");
        }
        try
        {
            if (cancellationToken.CanBeCanceled)
            {
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(callToken, cancellationToken);
                await call.WriteMessageAsync(message, linked.Token).ConfigureAwait(false);
            }
            else
            {
                await call.WriteMessageAsync(message, callToken).ConfigureAwait(false);
            }
        }
        finally
        {
            Volatile.Write(ref _writing, 0);
        }
    }

    public void Close() => _closed = true;
}
