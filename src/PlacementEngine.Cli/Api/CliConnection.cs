using Google.Protobuf;
using PlacementEngine.Cli.Errors;
using PlacementEngine.Contracts.Grpc;

namespace PlacementEngine.Cli.Api;

/// <summary>One gRPC connection to the server with the CLI's deadlines, shared by every API the CLI speaks.</summary>
internal sealed class CliConnection : IDisposable
{
    private readonly GrpcClient _client;
    private readonly ConnectionSettings _settings;

    public CliConnection(ConnectionSettings settings)
    {
        _settings = settings;
        try
        {
            _client = new GrpcClient(settings.Server, settings.BearerToken);
        }
        catch (ArgumentException e) when (e.ParamName == "bearerToken")
        {
            throw new CliUsageException("the token (--token or PLACEMENT_TOKEN) contains whitespace or characters that cannot be sent in a header");
        }
    }

    public Task<TResponse> Unary<TRequest, TResponse>(string method, TRequest request, MessageParser<TResponse> parser, CancellationToken cancellationToken)
        where TRequest : IMessage
        where TResponse : IMessage<TResponse> =>
        _client.UnaryAsync(method, request, parser, _settings.UnaryDeadline, cancellationToken);

    /// <param name="fallbackDeadline">Used when the user gave no --timeout; null streams until the server ends the call.</param>
    public IAsyncEnumerable<TResponse> Stream<TRequest, TResponse>(string method, TRequest request, MessageParser<TResponse> parser, TimeSpan? fallbackDeadline, CancellationToken cancellationToken)
        where TRequest : IMessage
        where TResponse : IMessage<TResponse> =>
        _client.ServerStreamingAsync(method, request, parser, _settings.StreamDeadline ?? fallbackDeadline, cancellationToken);

    public void Dispose() => _client.Dispose();
}
