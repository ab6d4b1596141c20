using Microsoft.Extensions.Logging;

namespace PlacementEngine.Kubernetes;

public sealed partial class KubernetesExecutor
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Cluster {Cluster}: created Job {Name} on pool {Pool}")]
    private static partial void LogDispatched(ILogger logger, string cluster, string name, string pool);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cluster {Cluster}: Job {Name} refused ({Code}, permanent: {Permanent}): {Error}")]
    private static partial void LogDispatchRefused(ILogger logger, string cluster, string name, string? code, bool permanent, string? error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cluster {Cluster}: deleted Job {Name}")]
    private static partial void LogCancelled(ILogger logger, string cluster, string name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cluster {Cluster}: the kubeconfig's credential plugin failed; trying again on each use")]
    private static partial void LogCredentialsDeferred(ILogger logger, string cluster, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cluster {Cluster}: the API did not answer the health check")]
    private static partial void LogHealthCheckFailed(ILogger logger, string cluster, Exception exception);
}
