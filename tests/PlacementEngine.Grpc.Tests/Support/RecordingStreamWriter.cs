using System.Threading.Channels;
using PlacementEngine.Grpc.Transport;

namespace PlacementEngine.Grpc.Tests.Support;

/// <summary>Collects what a server-streaming handler writes, and lets the test await each message.</summary>
internal sealed class RecordingStreamWriter<T> : IServerStreamWriter<T>
{
    private readonly Channel<T> _written = Channel.CreateUnbounded<T>();

    public List<T> Messages { get; } = [];

    public Task WriteAsync(T message, CancellationToken cancellationToken = default)
    {
        lock (Messages)
        {
            Messages.Add(message);
        }
        _written.Writer.TryWrite(message);
        return Task.CompletedTask;
    }

    public ValueTask<T> NextAsync(CancellationToken cancellationToken) => _written.Reader.ReadAsync(cancellationToken);
}
