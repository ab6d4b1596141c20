using Grpc.Core;

namespace PlacementEngine.Grpc.Tests.Support;

/// <summary>A client stream of the given messages, then a half-close; <see cref="Read"/> counts what the handler took.</summary>
internal sealed class ListStreamReader<T>(IEnumerable<T> messages) : IAsyncStreamReader<T>
{
    private readonly IEnumerator<T> _messages = messages.GetEnumerator();

    public T Current => _messages.Current;

    public int Read { get; private set; }

    public Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var more = _messages.MoveNext();
        Read += more ? 1 : 0;
        return Task.FromResult(more);
    }
}
