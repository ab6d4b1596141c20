using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using PlacementEngine.Grpc.Services;
using PlacementEngine.Grpc.Transport;
using PlacementEngine.Scheduling;

namespace PlacementEngine.Server.Hosting;

/// <summary>The placement.v1 services and the health service on the hand-written gRPC transport.</summary>
internal static class GrpcWiring
{
    public static void Add(IServiceCollection services, ServerOptions options)
    {
        services.AddGrpcTransport(new GrpcServerOptions { MaxReceiveMessageBytes = options.MaxMessageBytes, TokensFile = options.TokensPath });
        services.AddGrpcMethods((provider, registry) => registry.AddPlacementServices(
            provider.GetRequiredService<JobOperations>(),
            provider.GetRequiredService<PlanOperations>(),
            provider.GetRequiredService<FleetOperations>()));
    }

    public static void Map(WebApplication app) => app.UseGrpcTransport();
}
