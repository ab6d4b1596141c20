using Microsoft.Extensions.DependencyInjection;
using PlacementEngine.Grpc.Transport;
using PlacementEngine.Scheduling;

namespace PlacementEngine.Grpc.Services;

public static class PricingServiceRegistration
{
    /// <summary>
    /// Adds placement.v1.PricingService (admin only) to the gRPC methods. It needs <see cref="PriceBookService"/>,
    /// <see cref="IPriceBookStore"/> and <see cref="TimeProvider"/> from the container, which also disposes its parts.
    /// </summary>
    public static IServiceCollection AddPricingService(this IServiceCollection services, PricingServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Uploads.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("invalid import upload limits: " + string.Join("; ", errors), nameof(options));
        }
        services.AddSingleton(options);
        services.AddSingleton(sp => new ImportUploads(options.Uploads, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<PriceFileImporter>();
        services.AddSingleton<PricingService>();
        return services.AddGrpcMethods((provider, registry) => provider.GetRequiredService<PricingService>().Register(registry));
    }
}
