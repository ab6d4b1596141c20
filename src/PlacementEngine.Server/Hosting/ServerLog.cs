using Microsoft.Extensions.Logging;

namespace PlacementEngine.Server.Hosting;

internal static partial class ServerLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "placement-server listening: gRPC on {Listen}, metrics on http://{Metrics}/metrics; store {Database}; fleet {Fleet} ({Clusters} clusters, {Pools} pools)")]
    public static partial void Started(ILogger logger, string listen, string metrics, string database, string fleet, int clusters, int pools);
}
