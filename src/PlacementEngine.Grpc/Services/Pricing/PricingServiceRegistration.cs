using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PlacementEngine.Scheduling;

namespace PlacementEngine.Grpc.Services;

public static class PricingServiceRegistration
{
    /// <summary>
    /// Adds what placement.v1.PricingService (admin only) needs besides <see cref="PriceBookService"/>,
    /// <see cref="IPriceBookStore"/> and <see cref="TimeProvider"/>, which come from the container (it also disposes them).
    /// </summary>
    /// <exception cref="ArgumentException">The import limits are impossible; the message lists every problem.</exception>
    public static IServiceCollection AddPricingService(this IServiceCollection services, PricingServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Imports.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("invalid price import limits: " + string.Join("; ", errors), nameof(options));
        }
        services.AddSingleton(options);
        return services.AddSingleton<PriceFileImporter>();
    }

    public static IEndpointRouteBuilder MapPricingService(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGrpcService<PricingService>();
        return endpoints;
    }
}
