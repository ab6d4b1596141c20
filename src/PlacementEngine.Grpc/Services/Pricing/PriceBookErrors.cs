using Grpc.Core;
using PlacementEngine.Scheduling;

namespace PlacementEngine.Grpc.Services;

/// <summary>A price book request that did nothing, as a gRPC status; the books are exactly as they were.</summary>
internal static class PriceBookErrors
{
    public static T ValueOrThrow<T>(this PriceBookResult<T> result) =>
        result.Error is { } error ? throw ToRpc(error) : result.Value!;

    public static RpcException ToRpc(PriceBookError error) => Rpc.Error(
        error.Kind switch
        {
            PriceBookErrorKind.NotFound => StatusCode.NotFound,
            PriceBookErrorKind.Invalid => StatusCode.InvalidArgument,
            _ => StatusCode.FailedPrecondition,
        },
        error.Message);
}
