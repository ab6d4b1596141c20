using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PlacementEngine.Kubernetes;
using PlacementEngine.Scheduling;
using PlacementEngine.Server.FleetFiles;

namespace PlacementEngine.Server.Hosting;

/// <summary>One executor per cluster: Kubernetes where the fleet names a kubeconfig or the in-cluster API, the simulator otherwise.</summary>
internal static class ExecutorWiring
{
    public static IReadOnlyList<IClusterExecutor> Create(LoadedFleet loaded, ServerOptions options, IServiceProvider services)
    {
        var time = services.GetRequiredService<TimeProvider>();
        var loggers = services.GetRequiredService<ILoggerFactory>();
        var simulation = new SimulatedExecutorOptions { TimeScale = options.SimulationSpeed };
        return loaded.Fleet.Clusters.Select(cluster =>
        {
            var settings = loaded.Executors.GetValueOrDefault(cluster.Name) ?? ClusterExecutorSettings.Simulator;
            var log = loggers.CreateLogger<KubernetesExecutor>();
            return settings switch
            {
                { IsSimulated: true } => (IClusterExecutor)new SimulatedExecutor(cluster.Name, simulation, time),
                { InCluster: true } => KubernetesExecutor.InCluster(cluster.Name, time, log),
                _ => new KubernetesExecutor(settings.KubeconfigPath!, settings.Context, cluster.Name, time, log),
            };
        }).ToList();
    }
}
