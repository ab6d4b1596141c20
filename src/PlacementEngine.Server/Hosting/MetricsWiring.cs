using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using PlacementEngine.Metrics;
using PlacementEngine.Scheduling;
using Prometheus;

namespace PlacementEngine.Server.Hosting;

/// <summary>/metrics: the scheduler's families and the process' own, from the one prometheus-net registry of <see cref="PlacementMetrics"/>.</summary>
internal static class MetricsWiring
{
    public static void Add(IServiceCollection services)
    {
        services.AddSingleton(provider =>
        {
            var metrics = ActivatorUtilities.CreateInstance<PlacementMetrics>(provider);
            // process_* and dotnet_* (CPU, memory, GC, threads): the first things to look at when the service is slow.
            DotNetStats.Register(metrics.Registry);
            return metrics;
        });
        services.AddSingleton<ISchedulerTelemetry>(provider => provider.GetRequiredService<PlacementMetrics>());
        services.AddHostedService<OrleansMeterExport>();
    }

    /// <summary>
    /// Written here rather than with the package's MapMetrics: prometheus-net 8.2.1 swallows a failing before-collect
    /// callback and would serve stale values while the store is down, where this answers 503 with the reason.
    /// </summary>
    public static void Map(WebApplication app, int metricsPort) =>
        app.MapGet("/metrics", async (HttpContext context, PlacementMetrics metrics) =>
        {
            string text;
            try
            {
                text = await metrics.ScrapeAsync(context.RequestAborted).ConfigureAwait(false);
            }
            catch (ScrapeFailedException ex)
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                await context.Response.WriteAsync(ex.Message, context.RequestAborted).ConfigureAwait(false);
                return;
            }
            context.Response.ContentType = PlacementMetrics.ContentType;
            await context.Response.WriteAsync(text, context.RequestAborted).ConfigureAwait(false);
        }).RequireHost($"*:{metricsPort}");
}
