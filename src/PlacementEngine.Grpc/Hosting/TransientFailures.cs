using System.Data.Common;
using PlacementEngine.Scheduling;

namespace PlacementEngine.Grpc.Hosting;

/// <summary>
/// Failures a client should meet with a retry (UNAVAILABLE), not a bug report (INTERNAL): the store could not take
/// the call just now, or the silo that hosts a grain is gone and the cluster has not yet moved it elsewhere.
/// </summary>
internal static class TransientFailures
{
    /// <summary>
    /// Orleans' exceptions for a silo that cannot be reached, by name: this project does not reference Orleans, and a
    /// grain call that fails this way did not run (Orleans rejects it before delivery or on a dead connection).
    /// </summary>
    private static readonly HashSet<string> OrleansUnreachable = new(StringComparer.Ordinal)
    {
        "Orleans.Runtime.SiloUnavailableException",
        "Orleans.Runtime.OrleansMessageRejectionException",
        "Orleans.Runtime.GatewayTooBusyException",
        "Orleans.Runtime.ConnectionFailedException",
    };

    public static bool IsTransient(Exception exception)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            if (ex is StoreUnavailableException or DbException { IsTransient: true } || OrleansUnreachable.Contains(ex.GetType().FullName ?? ""))
            {
                return true;
            }
        }
        return false;
    }
}
