using Microsoft.AspNetCore.Http;
using PlacementEngine.Contracts.Grpc;

namespace PlacementEngine.Grpc.Transport;

/// <summary>
/// Claims requests that are gRPC by content-type or by path and leaves everything else (e.g. GET /metrics) to the
/// rest of the pipeline. A registered path reached without gRPC's POST and content-type gets HTTP 415, as the spec asks.
/// </summary>
internal sealed class GrpcMiddleware
{
    private readonly RequestDelegate _next;
    private readonly GrpcServiceRegistry _registry;
    private readonly GrpcCallDispatcher _dispatcher;

    public GrpcMiddleware(RequestDelegate next, GrpcServiceRegistry registry, GrpcCallDispatcher dispatcher)
    {
        _next = next;
        _registry = registry;
        _dispatcher = dispatcher;
        _registry.Freeze();
    }

    public Task InvokeAsync(HttpContext http)
    {
        var request = http.Request;
        var grpcContent = GrpcProtocol.IsGrpcContentType(request.ContentType);
        if (!grpcContent && !_registry.TryGetMethod(request.Path.Value ?? "", out _))
        {
            return _next(http);
        }
        if (!grpcContent || !HttpMethods.IsPost(request.Method))
        {
            return RefuseAsync(http, StatusCodes.Status415UnsupportedMediaType, "gRPC calls are POST requests with content-type application/grpc\n");
        }
        if (!HttpProtocol.IsHttp2(request.Protocol))
        {
            return RefuseAsync(http, StatusCodes.Status426UpgradeRequired, $"gRPC needs HTTP/2; this request came over {request.Protocol}\n");
        }
        return _dispatcher.DispatchAsync(http);
    }

    private static Task RefuseAsync(HttpContext http, int status, string text)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/plain; charset=utf-8";
        return http.Response.WriteAsync(text, http.RequestAborted);
    }
}
