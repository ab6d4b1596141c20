using System.Threading.Channels;
using Grpc.Core;

namespace PlacementEngine.Grpc.Tests.Support;

/// <summary>Collects what a server-streaming handler writes, and lets the test await each message.</summary>
internal sealed class RecordingStreamWriter<T> : IServerStreamWriter<T>
{
    private readonly Channel<T> _written = Channel.CreateUnbounded<T>();

    public List<T> Messages { get; } = [];

    public WriteOptions? WriteOptions { get; set; }

    public Task WriteAsync(T message)
    {
        lock (Messages)
        {
            Messages.Add(message);
        }
        _written.Writer.TryWrite(message);
        return Task.CompletedTask;
    }

    public Task WriteAsync(T message, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return WriteAsync(message);
    }

    public ValueTask<T> NextAsync(CancellationToken cancellationToken) => _written.Reader.ReadAsync(cancellationToken);
}
