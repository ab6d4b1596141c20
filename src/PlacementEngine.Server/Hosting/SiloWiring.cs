using System.Net;
using System.Net.Sockets;
using Orleans.Configuration;
using PlacementEngine.Silo.AdoNet;

namespace PlacementEngine.Server.Hosting;

/// <summary>
/// The Orleans silo in this process. Embedded (SQLite store): one silo on loopback, reminders in the jobs' SQLite file.
/// Scale-out (PostgreSQL store): a cluster whose membership and reminders live in the same PostgreSQL database as the jobs.
/// </summary>
internal static class SiloWiring
{
    public const string ServiceId = "placement-engine";
    public const string ClusterId = "placement";

    public static void Configure(ISiloBuilder silo, ServerOptions options)
    {
        ConfigureClustering(silo, options);
        ConfigureReminders(silo, options);
    }

    /// <summary>Port 0 takes a free one, so several servers (tests, silos on one machine) can run side by side.</summary>
    private static void ConfigureClustering(ISiloBuilder silo, ServerOptions options)
    {
        var siloPort = options.SiloPort == 0 ? FreeLoopbackPort() : options.SiloPort;
        var gatewayPort = options.GatewayPort == 0 ? FreeLoopbackPort() : options.GatewayPort;
        if (options.Store.Kind == StoreKind.Postgres)
        {
            silo.Configure<ClusterOptions>(o => (o.ServiceId, o.ClusterId) = (ServiceId, ClusterId));
            silo.ConfigureEndpoints(IPAddress.Loopback, siloPort, gatewayPort, listenOnAnyHostAddress: false);
            silo.UsePostgresCluster(options.Store.PostgresConnectionString!);
        }
        else
        {
            silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: ServiceId, clusterId: ClusterId);
        }
    }

    /// <summary>Reminders keep the scheduler's and the clusters' grains active somewhere at all times.</summary>
    private static void ConfigureReminders(ISiloBuilder silo, ServerOptions options)
    {
        if (options.Store.Kind == StoreKind.Sqlite)
        {
            silo.UseEmbeddedSqliteReminders(options.DatabasePath);
        }
        // On PostgreSQL, UsePostgresCluster keeps them with the membership table.
    }

    private static int FreeLoopbackPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
