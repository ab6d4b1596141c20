using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using Google.Protobuf;

namespace PlacementEngine.Contracts.Grpc;

/// <summary>
/// A gRPC client over HttpClient and HTTP/2: cleartext HTTP/2 (h2c, prior knowledge) for http:// addresses, TLS for https://.
/// Every failure, including unreachable servers, deadlines and cancellation, surfaces as <see cref="RpcException"/>,
/// as in the official clients: DEADLINE_EXCEEDED when the deadline passes, CANCELLED when the caller's token fires.
/// </summary>
public sealed class GrpcClient : IDisposable
{
    private readonly Uri _address;
    private readonly HttpClient _http;
    private readonly AuthenticationHeaderValue? _authorization;

    /// <param name="address">The server, e.g. http://127.0.0.1:50051; method paths are resolved against its root.</param>
    /// <param name="bearerToken">Sent as <c>authorization: Bearer ...</c> on every call when given.</param>
    /// <param name="handler">Optional transport; it stays owned by the caller and is not disposed with the client.</param>
    public GrpcClient(Uri address, string? bearerToken, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (!address.IsAbsoluteUri || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"'{address}' is not an absolute http:// or https:// address", nameof(address));
        }
        _address = address;
        if (!string.IsNullOrWhiteSpace(bearerToken))
        {
            var token = bearerToken.Trim();
            if (token.Any(c => c is < '!' or > '~'))
            {
                throw new ArgumentException("the bearer token contains whitespace or characters that cannot travel in a header", nameof(bearerToken));
            }
            _authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        _http = handler is null
            ? new HttpClient(new SocketsHttpHandler { EnableMultipleHttp2Connections = true }, disposeHandler: true)
            : new HttpClient(handler, disposeHandler: false);
        // Deadlines are per call; HttpClient's default 100 s timeout would cut long server streams such as WatchJob.
        _http.Timeout = Timeout.InfiniteTimeSpan;
    }

    /// <summary>Largest response message accepted; a larger one fails the call with RESOURCE_EXHAUSTED.</summary>
    public int MaxReceiveMessageBytes { get; init; } = GrpcProtocol.DefaultMaxMessageBytes;

    /// <param name="deadline">How long the call may take, counted from now; sent to the server as grpc-timeout.</param>
    public async Task<TResponse> UnaryAsync<TRequest, TResponse>(
        string fullMethod,
        TRequest request,
        MessageParser<TResponse> parser,
        TimeSpan? deadline = null,
        CancellationToken cancellationToken = default)
        where TRequest : IMessage
        where TResponse : IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(parser);
        using var call = await StartAsync(fullMethod, request, deadline, cancellationToken).ConfigureAwait(false);
        var response = await call.ReadMessageAsync(parser).ConfigureAwait(false);
        if (response is null)
        {
            throw new RpcException(StatusCode.Internal, $"{fullMethod}: the server ended the call without a response message");
        }
        if (await call.ReadMessageAsync(parser).ConfigureAwait(false) is not null)
        {
            throw new RpcException(StatusCode.Internal, $"{fullMethod}: the server sent more than one response message to a unary call");
        }
        return response;
    }

    /// <summary>
    /// Yields the server's messages as they arrive; a non-OK final status is thrown after the last message.
    /// Stopping the enumeration early cancels the call on the server.
    /// </summary>
    public async IAsyncEnumerable<TResponse> ServerStreamingAsync<TRequest, TResponse>(
        string fullMethod,
        TRequest request,
        MessageParser<TResponse> parser,
        TimeSpan? deadline = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where TRequest : IMessage
        where TResponse : IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(parser);
        using var call = await StartAsync(fullMethod, request, deadline, cancellationToken).ConfigureAwait(false);
        while (await call.ReadMessageAsync(parser).ConfigureAwait(false) is { } message)
        {
            yield return message;
        }
    }

    public void Dispose() => _http.Dispose();

    private async Task<GrpcClientCall> StartAsync(string fullMethod, IMessage request, TimeSpan? deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        GrpcMethodName.Parse(fullMethod, nameof(fullMethod));
        var call = new GrpcClientCall(fullMethod, _address, deadline, MaxReceiveMessageBytes, cancellationToken);
        try
        {
            await call.SendAsync(_http, BuildRequest(fullMethod, request, deadline)).ConfigureAwait(false);
            return call;
        }
        catch
        {
            call.Dispose();
            throw;
        }
    }

    private HttpRequestMessage BuildRequest(string fullMethod, IMessage message, TimeSpan? deadline)
    {
        var content = new ByteArrayContent(GrpcFrameWriter.ToFrame(message));
        content.Headers.ContentType = new MediaTypeHeaderValue(GrpcProtocol.ContentType);
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_address, fullMethod))
        {
            Version = HttpVersion.Version20,
            // Without Exact, HttpClient would speak HTTP/1.1 to an http:// address; gRPC needs HTTP/2 (h2c).
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = content,
        };
        request.Headers.TE.Add(new TransferCodingWithQualityHeaderValue("trailers"));
        request.Headers.Authorization = _authorization;
        request.Headers.TryAddWithoutValidation(GrpcProtocol.AcceptEncodingHeader, GrpcProtocol.IdentityEncoding);
        if (deadline is { } timeout)
        {
            request.Headers.TryAddWithoutValidation(GrpcProtocol.TimeoutHeader, GrpcTimeout.Format(timeout));
        }
        return request;
    }
}
