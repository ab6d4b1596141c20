using Microsoft.Extensions.Logging;

namespace PlacementEngine.Kubernetes.Watch;

internal sealed partial class JobListWatcher
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Cluster {Cluster}: watch resource version expired ({Detail}); listing Jobs again")]
    private static partial void LogRelisting(ILogger logger, string cluster, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cluster {Cluster}: listing or watching Jobs failed; retrying in {Delay}")]
    private static partial void LogWatchFailed(ILogger logger, string cluster, TimeSpan delay, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cluster {Cluster}: the watch stream outlived its timeout; reconnecting")]
    private static partial void LogWatchStalled(ILogger logger, string cluster);
}
