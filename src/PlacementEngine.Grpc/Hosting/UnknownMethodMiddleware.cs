using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PlacementEngine.Core;
using PlacementEngine.Grpc.Auth;

namespace PlacementEngine.Grpc.Hosting;

/// <summary>
/// Answers a gRPC call to a method this server does not have with UNIMPLEMENTED naming what is missing (the
/// package's own answer says only "Method is unimplemented"). Other requests without an endpoint pass on.
/// </summary>
internal sealed class UnknownMethodMiddleware(RequestDelegate next, EndpointDataSource endpoints)
{
    private HashSet<string>? _services;

    public Task InvokeAsync(HttpContext http)
    {
        if (http.GetEndpoint() is not null || !IsGrpc(http.Request.ContentType))
        {
            return next(http);
        }
        // The path is the caller's input: quoted bounded, as every error quotes input.
        var raw = http.Request.Path.Value ?? "";
        var path = InputText.Quote(raw);
        var parts = raw.Split('/');
        var detail = parts is not ["", { Length: > 0 } service, { Length: > 0 } method]
            ? $"unknown method '{path}': expected /package.Service/Method"
            : Services().Contains(service)
                ? $"unknown method '{path}': service {InputText.Quote(service)} has no method {InputText.Quote(method)}"
                : $"unknown method '{path}': this server has no service {InputText.Quote(service)}";
        GrpcStatusResponse.Write(http, StatusCode.Unimplemented, detail);
        return Task.CompletedTask;
    }

    private HashSet<string> Services() => _services ??= endpoints.Endpoints
        .Select(e => e.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method.ServiceName)
        .OfType<string>()
        .ToHashSet(StringComparer.Ordinal);

    private static bool IsGrpc(string? contentType) =>
        contentType is not null && contentType.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase);
}
