using Microsoft.Extensions.Logging;
using PlacementEngine.Contracts.Grpc;

namespace PlacementEngine.Grpc.Transport;

internal sealed partial class GrpcCallDispatcher
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "gRPC {Method} failed (trace id {TraceId}); answered INTERNAL")]
        public static partial void HandlerFailed(ILogger logger, Exception exception, string method, string traceId);

        [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "gRPC {Method}: client went away (trace id {TraceId})")]
        public static partial void ClientWentAway(ILogger logger, string method, string traceId);

        [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "gRPC {Method} -> {Status} in {ElapsedMs:0.#} ms (trace id {TraceId})")]
        public static partial void CallCompleted(ILogger logger, string method, StatusCode status, double elapsedMs, string traceId);
    }
}
