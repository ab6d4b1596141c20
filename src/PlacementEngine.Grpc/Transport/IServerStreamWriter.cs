namespace PlacementEngine.Grpc.Transport;

/// <summary>Sends the messages of a server stream. One write at a time; each write is flushed to the client.</summary>
public interface IServerStreamWriter<in TMessage>
{
    Task WriteAsync(TMessage message, CancellationToken cancellationToken = default);
}
