using System.Globalization;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using PlacementEngine.Grpc.Hosting;

namespace PlacementEngine.Grpc.Auth;

/// <summary>
/// A gRPC "trailers-only" answer written before any service runs (authentication, unknown methods). Hand-written
/// because the package only writes statuses for calls that reach a service method.
/// </summary>
internal static class GrpcStatusResponse
{
    public static void Write(HttpContext http, StatusCode status, string detail)
    {
        var response = http.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = ((int)status).ToString(CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = StatusMessageEncoding.Encode(detail);
    }
}
