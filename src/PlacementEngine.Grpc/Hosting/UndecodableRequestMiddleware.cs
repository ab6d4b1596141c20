using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace PlacementEngine.Grpc.Hosting;

/// <summary>
/// Answers INVALID_ARGUMENT, not UNKNOWN, when a unary or server-streaming request message cannot be decoded.
/// The package reads that message before any interceptor runs and answers a decoding failure UNKNOWN
/// ("Exception was thrown by handler."), which blames the server for the client's bytes. Hand-written because the
/// package has no hook for it: <see cref="ServerErrorInterceptor"/> marks every call that reached a handler, and
/// every failure of a handler becomes a chosen status there, so UNKNOWN from a call that never reached one can
/// only come from reading its request.
/// </summary>
internal sealed class UndecodableRequestMiddleware(RequestDelegate next)
{
    private static readonly object HandlerReachedKey = new();

    public static void MarkHandlerReached(HttpContext http) => http.Items[HandlerReachedKey] = true;

    public Task InvokeAsync(HttpContext http)
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>() is { } grpc)
        {
            var requestType = grpc.Method.FullName;
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                if (!http.Items.ContainsKey(HandlerReachedKey) && headers["grpc-status"] == ((int)StatusCode.Unknown).ToString(System.Globalization.CultureInfo.InvariantCulture))
                {
                    headers["grpc-status"] = ((int)StatusCode.InvalidArgument).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    headers["grpc-message"] = StatusMessageEncoding.Encode($"the request message of {requestType} is not valid protobuf for its type");
                }
                return Task.CompletedTask;
            });
        }
        return next(http);
    }
}
