using Grpc.Core;

namespace PlacementEngine.Grpc.Services;

/// <summary>Shorthand for the statuses the services answer with.</summary>
internal static class Rpc
{
    public static RpcException Error(StatusCode status, string detail) => new(new Status(status, detail));
}
