using Grpc.Core;
using Grpc.Net.Client;
using PlacementEngine.LoadGen.Options;

namespace PlacementEngine.LoadGen.Calls;

/// <summary>
/// The HTTP/2 connections the callers share: one channel per connection, each on its own handler (a handler is
/// one connection pool), request k on channel k mod n. Each handler may still open another connection once its
/// streams are all in use (watches), as the server caps the streams of one connection. With several targets
/// (the silos of one cluster), connection k goes to target k mod their number.
/// </summary>
internal sealed class LoadChannels : IDisposable
{
    private readonly GrpcChannel[] _channels;
    private readonly Metadata? _headers;
    private readonly TimeSpan _callTimeout;

    public LoadChannels(LoadOptions options)
    {
        _callTimeout = options.CallTimeout;
        // Metadata rather than call credentials: the client sends credentials only over TLS, and the load target is usually h2c on loopback.
        _headers = options.Token is { } token ? new Metadata { { "authorization", $"Bearer {token}" } } : null;
        _channels = [.. Enumerable.Range(0, options.Connections).Select(k => GrpcChannel.ForAddress(options.Targets[k % options.Targets.Count], new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler
            {
                EnableMultipleHttp2Connections = true,
                PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            },
            DisposeHttpClient = true,
        }))];
    }

    public int Count => _channels.Length;

    public GrpcChannel For(long request) => _channels[request % _channels.Length];

    /// <summary>The token and a deadline of the call timeout for a unary call.</summary>
    public CallOptions Unary(CancellationToken cancellationToken) => WithDeadline(_callTimeout, cancellationToken);

    public CallOptions WithDeadline(TimeSpan deadline, CancellationToken cancellationToken) =>
        new(_headers, TimeProvider.System.GetUtcNow().UtcDateTime + deadline, cancellationToken);

    public void Dispose()
    {
        foreach (var channel in _channels)
        {
            channel.Dispose();
        }
    }
}
