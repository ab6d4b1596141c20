using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace PlacementEngine.Grpc.Transport;

/// <summary>
/// Wiring: <c>services.AddGrpcTransport(options)</c>, <c>services.AddGrpcMethods(...)</c> for each service, then
/// <c>app.UseGrpcTransport()</c>. Kestrel must offer HTTP/2 (for cleartext: <c>HttpProtocols.Http2</c>).
/// </summary>
public static class GrpcTransportExtensions
{
    public static IServiceCollection AddGrpcTransport(this IServiceCollection services, GrpcServerOptions options)
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
        // Resolved when the pipeline is built, so a bad tokens file stops the server at start-up.
        services.TryAddSingleton(_ => options.TokensFile is null
            ? BearerTokenAuthenticator.None
            : BearerTokenAuthenticator.FromFile(options.TokensFile));
        services.TryAddSingleton<GrpcHealthService>();
        services.TryAddSingleton(provider =>
        {
            var registry = new GrpcServiceRegistry();
            registry.AddHealthService(provider.GetRequiredService<GrpcHealthService>());
            foreach (var registration in provider.GetServices<GrpcRegistration>())
            {
                registration.Register(provider, registry);
            }
            return registry;
        });
        services.TryAddSingleton<GrpcCallDispatcher>();
        return services;
    }

    /// <summary>Adds methods to the registry when it is built, with access to the application's services.</summary>
    public static IServiceCollection AddGrpcMethods(this IServiceCollection services, Action<IServiceProvider, GrpcServiceRegistry> register)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(register);
        return services.AddSingleton(new GrpcRegistration(register));
    }

    /// <summary>Serves the registered gRPC methods; other requests pass through to the rest of the pipeline.</summary>
    public static IApplicationBuilder UseGrpcTransport(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var health = app.ApplicationServices.GetRequiredService<GrpcHealthService>();
        app.ApplicationServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(health.EnterShutdown);
        return app.UseMiddleware<GrpcMiddleware>();
    }
}
