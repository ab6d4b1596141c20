using Grpc.Health.V1;
using PlacementEngine.Contracts.Grpc;

namespace PlacementEngine.Grpc.Transport;

public static class HealthServiceRegistration
{
    /// <summary>Registers grpc.health.v1.Health (Check and Watch). It needs no token, so probes and load balancers can call it.</summary>
    public static GrpcServiceRegistry AddHealthService(this GrpcServiceRegistry registry, GrpcHealthService health)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(health);
        registry.AddUnary<HealthCheckRequest, HealthCheckResponse>(
            HealthMethods.Check,
            HealthCheckRequest.Parser,
            (request, _) =>
            {
                var status = health.GetStatus(request.Service, registry.HasService)
                    ?? throw new RpcException(StatusCode.NotFound, $"unknown service '{request.Service}'");
                return Task.FromResult(new HealthCheckResponse { Status = status });
            },
            allowAnonymous: true);
        registry.AddServerStreaming<HealthCheckRequest, HealthCheckResponse>(
            HealthMethods.Watch,
            HealthCheckRequest.Parser,
            async (request, writer, context) =>
            {
                await foreach (var status in health.WatchAsync(request.Service, registry.HasService, context.CancellationToken).ConfigureAwait(false))
                {
                    await writer.WriteAsync(new HealthCheckResponse { Status = status }).ConfigureAwait(false);
                }
            },
            allowAnonymous: true);
        return registry;
    }
}
