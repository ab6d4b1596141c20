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
    /// Exceptions of a silo out of reach or a grain call that timed out, by type name: this project does not reference
    /// Orleans, and their namespaces differ between its assemblies. Every API write is idempotent (a submission by its
    /// key, a cancel by the job's state), so calling again is safe even when the first call did take effect.
    /// </summary>
    private static readonly HashSet<string> Unreachable = new(StringComparer.Ordinal)
    {
        "SiloUnavailableException",
        "OrleansMessageRejectionException",
        "GatewayTooBusyException",
        "ConnectionFailedException",
        "ClientNotAvailableException",
        "ConnectionAbortedException",
        "ConnectionResetException",
        "TimeoutRejectedException",
        nameof(TimeoutException),
    };

    public static bool IsTransient(Exception exception)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            if (ex is StoreUnavailableException or DbException { IsTransient: true } || Unreachable.Contains(ex.GetType().Name) || IsOnDeadSilo(ex))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Orleans' generic exception when a grain could not be activated here because the cluster has declared this silo
    /// dead (under load a live silo is now and then, and it stops as soon as it reads so): another silo takes the call.
    /// </summary>
    private static bool IsOnDeadSilo(Exception ex) =>
        ex.GetType().Name == "OrleansException" && ex.Message.Contains(" on invalid silo", StringComparison.Ordinal);
}
