using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using PlacementEngine.Grpc.Health;
using PlacementEngine.Grpc.Hosting;
using PlacementEngine.Grpc.Services;

namespace PlacementEngine.Server.Hosting;

/// <summary>
/// The placement.v1 services on Grpc.AspNetCore, with bearer tokens, grpc.health.v1 reporting the job store and the
/// scheduler, and server reflection.
/// </summary>
internal static class GrpcWiring
{
    public static void Add(IServiceCollection services, ServerOptions options) =>
        services.AddPlacementGrpc(new GrpcServerOptions { MaxReceiveMessageBytes = options.MaxMessageBytes, TokensFile = options.TokensPath })
            .AddCheck<JobStoreHealthCheck>(JobStoreHealthCheck.Name, tags: PlacementServiceNames.All)
            .AddCheck<SchedulerHealthCheck>(SchedulerHealthCheck.Name, tags: [PlacementServiceNames.Jobs]);

    /// <summary>Resolves the tokens first, so a bad tokens file stops the server at start-up.</summary>
    public static void Map(WebApplication app)
    {
        app.UsePlacementGrpc();
        app.MapPlacementGrpc();
        app.MapPlacementServices();
        app.MapPricingService();
    }
}
