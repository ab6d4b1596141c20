using System.Globalization;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using PlacementEngine.Contracts.Grpc;

namespace PlacementEngine.Grpc.Transport;

/// <summary>The HTTP/2 side of one call: reads the request frame, writes response frames, and ends with a status.</summary>
internal sealed class GrpcServerCall(HttpContext http, int maxReceiveMessageBytes)
{
    private bool _wroteMessage;

    /// <summary>The one request message of a unary or server-streaming call.</summary>
    public async Task<T> ReadRequestAsync<T>(MessageParser<T> parser, CancellationToken cancellationToken)
        where T : IMessage<T>
    {
        var body = http.Request.BodyReader;
        var bytes = await GrpcFrameReader.ReadMessageAsync(body, maxReceiveMessageBytes, cancellationToken).ConfigureAwait(false)
            ?? throw new RpcException(StatusCode.Internal, "the request carried no message; this method takes exactly one");
        if (await GrpcFrameReader.ReadMessageAsync(body, maxReceiveMessageBytes, cancellationToken).ConfigureAwait(false) is not null)
        {
            throw new RpcException(StatusCode.Internal, "the request carried more than one message; this method takes exactly one");
        }
        try
        {
            return parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new RpcException(StatusCode.Internal, $"the request is not a valid {typeof(T).Name} message: {ex.Message}");
        }
    }

    public async Task WriteMessageAsync(IMessage message, CancellationToken cancellationToken)
    {
        var body = http.Response.BodyWriter;
        GrpcFrameWriter.Write(body, message);
        _wroteMessage = true;
        await body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Ends the call. Before any message the status goes in the response headers (trailers-only);
    /// after messages it goes in the HTTP/2 trailers.
    /// </summary>
    public void Complete(StatusCode status, string? detail, IReadOnlyList<KeyValuePair<string, string>> trailers)
    {
        var response = http.Response;
        var code = ((int)status).ToString(CultureInfo.InvariantCulture);
        var message = string.IsNullOrEmpty(detail) ? null : GrpcStatusMessage.Encode(detail);
        if (!_wroteMessage && !response.HasStarted)
        {
            response.Headers[GrpcProtocol.StatusHeader] = code;
            if (message is not null)
            {
                response.Headers[GrpcProtocol.MessageHeader] = message;
            }
            foreach (var (name, value) in trailers)
            {
                response.Headers.Append(name, value);
            }
            return;
        }
        response.AppendTrailer(GrpcProtocol.StatusHeader, code);
        if (message is not null)
        {
            response.AppendTrailer(GrpcProtocol.MessageHeader, message);
        }
        foreach (var (name, value) in trailers)
        {
            response.AppendTrailer(name, value);
        }
    }
}
