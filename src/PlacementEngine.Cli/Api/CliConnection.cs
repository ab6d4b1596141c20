using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using PlacementEngine.Cli.Errors;

namespace PlacementEngine.Cli.Api;

/// <summary>
/// One gRPC channel to the server (h2c for http://, TLS for https://) with the CLI's token and deadlines, shared
/// by every API the CLI speaks. The path of the server address is ignored: gRPC methods live at the root.
/// </summary>
internal sealed class CliConnection : IDisposable
{
    private readonly GrpcChannel _channel;
    private readonly ConnectionSettings _settings;
    private readonly Metadata? _headers;

    public CliConnection(ConnectionSettings settings)
    {
        _settings = settings;
        _headers = BearerHeaders(settings.BearerToken);
        _channel = settings.CertificateAuthority is { } authority
            ? GrpcChannel.ForAddress(settings.Server, new GrpcChannelOptions { HttpHandler = TrustedAuthority.Handler(authority), DisposeHttpClient = true })
            : GrpcChannel.ForAddress(settings.Server);
        Invoker = _channel.Intercept(new DeadlineMessages());
    }

    /// <summary>What the generated clients call through.</summary>
    public CallInvoker Invoker { get; }

    /// <summary>Options for a request/response call: the token and the --timeout (or default) deadline.</summary>
    public CallOptions Unary(CancellationToken cancellationToken) => Options(_settings.UnaryDeadline, cancellationToken);

    /// <param name="fallbackDeadline">Used when the user gave no --timeout; null streams until the server ends the call.</param>
    public CallOptions Stream(TimeSpan? fallbackDeadline, CancellationToken cancellationToken) =>
        Options(_settings.StreamDeadline ?? fallbackDeadline, cancellationToken);

    public void Dispose() => _channel.Dispose();

    private CallOptions Options(TimeSpan? deadline, CancellationToken cancellationToken) =>
        new(_headers, deadline is { } timeout ? TimeProvider.System.GetUtcNow().UtcDateTime + timeout : null, cancellationToken);

    /// <summary>
    /// Metadata rather than call credentials: the client sends credentials only over TLS, and a server on plain
    /// http:// (a laptop, a cluster behind a mesh) still wants the token.
    /// </summary>
    private static Metadata? BearerHeaders(string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return null;
        }
        var trimmed = token.Trim();
        // Header values are visible ASCII; anything else would be mangled or refused on the wire.
        if (trimmed.Any(c => c is < '!' or > '~'))
        {
            throw new CliUsageException("the token (--token or PLACEMENT_TOKEN) contains whitespace or characters that cannot be sent in a header");
        }
        return new Metadata { { "authorization", $"Bearer {trimmed}" } };
    }
}
