using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;

namespace PlacementEngine.Contracts.Grpc;

/// <summary>One call in flight on the client: the HTTP exchange, its deadline, and reading messages then the status.</summary>
internal sealed class GrpcClientCall : IDisposable
{
    // HTTP/2 RST_STREAM error codes (RFC 9113, section 7).
    private const long RefusedStream = 0x7;
    private const long Cancel = 0x8;
    private const long EnhanceYourCalm = 0xb;

    private readonly string _fullMethod;
    private readonly Uri _address;
    private readonly TimeSpan? _deadline;
    private readonly int _maxReceiveBytes;
    private readonly CancellationToken _callerToken;
    private readonly CancellationTokenSource _cancellation;
    private HttpRequestMessage? _request;
    private HttpResponseMessage? _response;
    private Stream? _body;
    private bool _finished;

    public GrpcClientCall(string fullMethod, Uri address, TimeSpan? deadline, int maxReceiveBytes, CancellationToken callerToken)
    {
        _fullMethod = fullMethod;
        _address = address;
        _deadline = deadline;
        _maxReceiveBytes = maxReceiveBytes;
        _callerToken = callerToken;
        _cancellation = CancellationTokenSource.CreateLinkedTokenSource(callerToken);
    }

    public async Task SendAsync(HttpClient http, HttpRequestMessage request)
    {
        _request = request;
        if (_deadline is { } deadline)
        {
            if (deadline <= TimeSpan.Zero)
            {
                throw DeadlineExceeded(null);
            }
            _cancellation.CancelAfter(deadline);
        }
        try
        {
            _response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, _cancellation.Token).ConfigureAwait(false);
            // Trailers-only: the whole answer is one HEADERS frame carrying the status, with no body.
            if (HeaderValue(_response.Headers, GrpcProtocol.StatusHeader) is { } status)
            {
                _finished = true;
                ThrowIfNotOk(status, HeaderValue(_response.Headers, GrpcProtocol.MessageHeader));
                return;
            }
            if (_response.StatusCode != HttpStatusCode.OK)
            {
                throw FromHttpStatus(_response.StatusCode);
            }
            var contentType = _response.Content.Headers.ContentType?.MediaType;
            if (!GrpcProtocol.IsGrpcContentType(contentType))
            {
                throw new RpcException(StatusCode.Unknown, $"{_fullMethod}: {_address} answered with content-type '{contentType}', not a gRPC response");
            }
            _body = await _response.Content.ReadAsStreamAsync(_cancellation.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsTransportFailure(ex))
        {
            throw Translate(ex);
        }
    }

    /// <summary>The next message, or default once the server has ended the call with OK; a non-OK status is thrown.</summary>
    public async Task<T?> ReadMessageAsync<T>(MessageParser<T> parser)
        where T : IMessage<T>
    {
        if (_finished)
        {
            return default;
        }
        byte[]? bytes;
        try
        {
            bytes = await GrpcFrameReader.ReadMessageAsync(_body!, _maxReceiveBytes, _cancellation.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsTransportFailure(ex))
        {
            throw Translate(ex);
        }
        if (bytes is null)
        {
            _finished = true;
            var trailers = _response!.TrailingHeaders;
            var status = HeaderValue(trailers, GrpcProtocol.StatusHeader)
                ?? throw new RpcException(StatusCode.Internal, $"{_fullMethod}: the server ended the response without a grpc-status trailer");
            ThrowIfNotOk(status, HeaderValue(trailers, GrpcProtocol.MessageHeader));
            return default;
        }
        try
        {
            return parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new RpcException(StatusCode.Internal, $"{_fullMethod}: the response is not a valid {typeof(T).Name}: {ex.Message}", ex);
        }
    }

    public void Dispose()
    {
        // Disposing a response that was not read to the end resets the HTTP/2 stream, which cancels the call on the server.
        _body?.Dispose();
        _response?.Dispose();
        _request?.Dispose();
        _cancellation.Dispose();
    }

    private static bool IsTransportFailure(Exception ex) =>
        ex is OperationCanceledException or HttpRequestException or IOException;

    private RpcException Translate(Exception ex)
    {
        if (_callerToken.IsCancellationRequested)
        {
            return new RpcException(StatusCode.Cancelled, $"{_fullMethod}: the call was cancelled by the client", ex);
        }
        if (_cancellation.IsCancellationRequested)
        {
            return DeadlineExceeded(ex);
        }
        if (FindInner<HttpProtocolException>(ex) is { } reset)
        {
            return reset.ErrorCode switch
            {
                Cancel => new RpcException(StatusCode.Cancelled, $"{_fullMethod}: the server cancelled the stream", ex),
                RefusedStream => new RpcException(StatusCode.Unavailable, $"{_fullMethod}: the server refused the stream", ex),
                EnhanceYourCalm => new RpcException(StatusCode.ResourceExhausted, $"{_fullMethod}: the server asked the client to slow down", ex),
                _ => new RpcException(StatusCode.Internal, $"{_fullMethod}: HTTP/2 stream reset with error code {reset.ErrorCode}", ex),
            };
        }
        return new RpcException(StatusCode.Unavailable, $"cannot reach {_address} for {_fullMethod}: {ex.Message}", ex);
    }

    private RpcException DeadlineExceeded(Exception? inner)
    {
        var detail = $"{_fullMethod}: deadline of {_deadline?.TotalSeconds:0.###} s exceeded";
        return inner is null ? new RpcException(StatusCode.DeadlineExceeded, detail) : new RpcException(StatusCode.DeadlineExceeded, detail, inner);
    }

    private void ThrowIfNotOk(string status, string? message)
    {
        if (!int.TryParse(status, out var code))
        {
            throw new RpcException(StatusCode.Unknown, $"{_fullMethod}: the server sent an unreadable grpc-status '{status}'");
        }
        if (code == (int)StatusCode.OK)
        {
            return;
        }
        // Codes from a newer protocol version are UNKNOWN, as the spec asks.
        var known = Enum.IsDefined((StatusCode)code) ? (StatusCode)code : StatusCode.Unknown;
        throw new RpcException(known, GrpcStatusMessage.Decode(message));
    }

    /// <summary>The gRPC spec's mapping for HTTP errors that carry no grpc-status (typically from a proxy).</summary>
    private RpcException FromHttpStatus(HttpStatusCode http)
    {
        var code = http switch
        {
            HttpStatusCode.BadRequest => StatusCode.Internal,
            HttpStatusCode.Unauthorized => StatusCode.Unauthenticated,
            HttpStatusCode.Forbidden => StatusCode.PermissionDenied,
            HttpStatusCode.NotFound => StatusCode.Unimplemented,
            HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout => StatusCode.Unavailable,
            _ => StatusCode.Unknown,
        };
        return new RpcException(code, $"{_fullMethod}: {_address} answered HTTP {(int)http} {http} without a gRPC status");
    }

    private static string? HeaderValue(HttpHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static T? FindInner<T>(Exception? ex)
        where T : Exception
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is T match)
            {
                return match;
            }
        }
        return null;
    }
}
