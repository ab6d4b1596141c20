using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PlacementEngine.Core;
using PlacementEngine.Grains;
using PlacementEngine.Grpc.Auth;
using PlacementEngine.Grpc.Services;
using PlacementEngine.Scheduling;
using PlacementEngine.Server.FleetFiles;
using PlacementEngine.Storage.Sqlite;

namespace PlacementEngine.Server.Hosting;

/// <summary>Builds the service: an Orleans silo with the grains, the gRPC API on one endpoint (HTTP/2), /metrics on another (HTTP/1.1).</summary>
public static class PlacementServer
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddEnvironmentVariables("PLACEMENT_");
        var (options, errors) = ServerOptions.From(builder.Configuration);
        if (options is null)
        {
            await Console.Error.WriteLineAsync("placement-server: cannot start:\n  " + string.Join("\n  ", errors)).ConfigureAwait(false);
            return 2;
        }
        ServerLogging.Configure(builder, options.LogLevel);

        LoadedFleet fleet;
        PricingServiceOptions pricing;
        try
        {
            fleet = FleetFileLoader.Load(options.FleetPath);
            pricing = PricingWiring.Options(options, fleet);
        }
        catch (Exception ex) when (ex is FleetFileException or InvalidDataException)
        {
            await Console.Error.WriteLineAsync($"placement-server: cannot start: {ex.Message}").ConfigureAwait(false);
            return 2;
        }

        ConfigureKestrel(builder, options);
        builder.UseOrleans(silo => SiloWiring.Configure(silo, options));
        Compose(builder.Services, options, fleet);
        PricingWiring.Add(builder.Services, pricing);

        await using var app = builder.Build();
        try
        {
            MapEndpoints(app, options);
        }
        catch (TokenFileException ex)
        {
            await Console.Error.WriteLineAsync($"placement-server: cannot start: {ex.Message}").ConfigureAwait(false);
            return 2;
        }
        try
        {
            // Opens the database (refused while another process serves it) before anything is scheduled on it.
            app.Services.GetRequiredService<OpenStores>();
            await PricingWiring.SeedShippedCatalogAsync(app.Services, options, app.Lifetime.ApplicationStopping).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidDataException or DatabaseInUseException)
        {
            await Console.Error.WriteLineAsync($"placement-server: cannot start: {ex.Message}").ConfigureAwait(false);
            return 2;
        }
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("PlacementEngine.Server");
        var listen = options.Listen.ToString();
        var metrics = options.MetricsListen.ToString();
        app.Lifetime.ApplicationStarted.Register(() => ServerLog.Started(log, listen, metrics,
            options.DatabasePath, options.FleetPath, fleet.Fleet.Clusters.Count, fleet.Fleet.Pools.Count));
        await app.RunAsync().ConfigureAwait(false);
        return 0;
    }

    private static void ConfigureKestrel(WebApplicationBuilder builder, ServerOptions options)
    {
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(options.Listen, listen =>
            {
                if (options.UsesTls)
                {
                    // HTTP/2 over TLS, negotiated by ALPN.
                    listen.Protocols = HttpProtocols.Http2;
                    listen.UseHttps(X509Certificate2.CreateFromPemFile(options.TlsCertificatePath!, options.TlsKeyPath));
                }
                else
                {
                    // Cleartext gRPC is HTTP/2 with prior knowledge (h2c): no HTTP/1.1 on this port.
                    listen.Protocols = HttpProtocols.Http2;
                }
            });
            kestrel.Listen(options.MetricsListen, listen => listen.Protocols = HttpProtocols.Http1);
            // gRPC bounds each message (MaxReceiveMessageSize answers RESOURCE_EXHAUSTED), and a price import streams a
            // file larger than one message; a body limit would cut calls off with a bare error instead. /metrics takes no body.
            kestrel.Limits.MaxRequestBodySize = null;
            // Streams past this wait, on the client, for a slot on their connection; so do unary calls behind them.
            kestrel.Limits.Http2.MaxStreamsPerConnection = options.MaxStreamsPerConnection;
        });
    }

    private static void MapEndpoints(WebApplication app, ServerOptions options)
    {
        var metricsPort = options.MetricsListen.Port;
        MetricsWiring.Map(app, metricsPort);
        app.MapGet("/healthz", () => Results.Text("ok")).RequireHost($"*:{metricsPort}");
        GrpcWiring.Map(app);
    }

    private static void Compose(IServiceCollection services, ServerOptions options, LoadedFleet loaded)
    {
        services.AddSingleton(options);
        services.AddSingleton(loaded);
        services.AddSingleton(TimeProvider.System);
        // Created by the container so that it is disposed, and the file closed cleanly, at shutdown.
        services.AddSingleton(_ => StoreWiring.Open(options));
        services.AddSingleton<IJobStore>(sp => sp.GetRequiredService<OpenStores>().Jobs);
        services.AddSingleton<IPriceBookStore>(sp => sp.GetRequiredService<OpenStores>().PriceBooks);
        services.AddHostedService<StalledSessionSweep>();
        services.AddSingleton(new FleetState(loaded.Fleet));
        services.AddSingleton<IFleetSource>(sp => sp.GetRequiredService<FleetState>());
        // The fleet file's prices serve until the store holds a price book; then the active book does, from the next cycle.
        services.AddSingleton(sp => new StoredPriceSource(sp.GetRequiredService<IPriceBookStore>(), loaded.Prices));
        services.AddSingleton<IPriceSource>(sp => sp.GetRequiredService<StoredPriceSource>());
        services.AddSingleton(sp => new PriceBookService(sp.GetRequiredService<IPriceBookStore>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<AsyncSignal>()));
        services.AddSingleton<IBudgetSource>(new StaticBudgetSource(loaded.Budgets));
        services.AddSingleton(sp => new JobSpecValidator(loaded.Regions, sp.GetRequiredService<TimeProvider>()));
        MetricsWiring.Add(services);
        // The wake-ups, job events and dispatchers that cross grains, the grains' clients for the API, one dispatcher per cluster.
        services.AddPlacementGrains(sp => ExecutorWiring.Create(loaded, options, sp));
        services.AddSingleton<JobWriter>();
        services.AddSingleton<ProblemBuilder>();
        services.AddSingleton<ISolverSelector>(sp => SolverWiring.Create(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<SchedulingCycle>();
        services.AddSingleton(new SchedulerOptions { CycleInterval = options.CycleInterval });
        services.AddSingleton(new DispatcherOptions());
        services.AddSingleton<JobOperations>();
        services.AddSingleton<PlanOperations>();
        services.AddSingleton<FleetOperations>();
        GrpcWiring.Add(services, options);
    }
}
