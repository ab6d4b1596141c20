using System.IO.Compression;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PlacementEngine.Grpc.Auth;
using PlacementEngine.Grpc.Services;

namespace PlacementEngine.Grpc.Hosting;

/// <summary>
/// Wiring of the gRPC server on Grpc.AspNetCore: <c>services.AddPlacementGrpc(options)</c> (add health checks to
/// the builder it returns), then <c>app.UsePlacementGrpc()</c> and <c>app.MapPlacementGrpc()</c> with the services
/// to serve. Kestrel must offer HTTP/2 (for cleartext: <c>HttpProtocols.Http2</c>).
/// </summary>
public static class PlacementGrpcExtensions
{
    /// <summary>gRPC with the message limit, gzip, error mapping, bearer tokens, the policies, health and reflection.</summary>
    /// <exception cref="ArgumentException">An option is out of range; the message lists every bad one.</exception>
    public static IHealthChecksBuilder AddPlacementGrpc(this IServiceCollection services, GrpcServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("invalid gRPC server options: " + string.Join("; ", errors), nameof(options));
        }
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = options.MaxReceiveMessageBytes;
            // Sent compressed only to clients that accept gzip, and only when large (SmallResponseCompression);
            // compressed requests are read whatever this says.
            grpc.ResponseCompressionAlgorithm = "gzip";
            grpc.ResponseCompressionLevel = CompressionLevel.Fastest;
            // Unknown services and methods: UnknownMethodMiddleware answers them, naming what is missing.
            grpc.IgnoreUnknownServices = true;
            grpc.Interceptors.Add<ServerErrorInterceptor>();
            grpc.Interceptors.Add<SmallResponseCompression>();
        });
        services.AddGrpcReflection();

        // Read when the first call is authenticated at the latest; the host resolves it at start-up so a bad file stops it there.
        services.TryAddSingleton(_ => options.TokensFile is null ? BearerTokens.None : BearerTokens.FromFile(options.TokensFile));
        services.AddAuthentication(BearerTokenDefaults.Scheme)
            .AddScheme<BearerTokenOptions, BearerTokenHandler>(BearerTokenDefaults.Scheme, null);
        services.AddAuthorization(PlacementPolicies.Configure);
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, GrpcAuthorizationResultHandler>();

        return services.AddGrpcHealthChecks(health =>
        {
            // "" (the server as a whole) is every check; each API service is the checks tagged with its name.
            foreach (var service in PlacementServiceNames.All)
            {
                health.Services.Map(service, check => check.Tags.Contains(service));
            }
        });
    }

    /// <summary>Authentication, authorization and the UNIMPLEMENTED answer for unknown methods; after routing.</summary>
    public static IApplicationBuilder UsePlacementGrpc(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        _ = app.ApplicationServices.GetRequiredService<BearerTokens>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<UnknownMethodMiddleware>();
        return app.UseMiddleware<UndecodableRequestMiddleware>();
    }

    /// <summary>grpc.health.v1.Health (no token needed, for probes and load balancers) and server reflection.</summary>
    public static IEndpointRouteBuilder MapPlacementGrpc(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGrpcHealthChecksService().AllowAnonymous();
        endpoints.MapGrpcReflectionService().AllowAnonymous();
        return endpoints;
    }

    /// <summary>placement.v1.JobService (with PlanJobs) and FleetService; every method needs a bearer token.</summary>
    public static IEndpointRouteBuilder MapPlacementServices(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGrpcService<JobService>();
        endpoints.MapGrpcService<FleetService>();
        return endpoints;
    }
}
