using System.Net;
using System.Net.Sockets;
using Orleans.Configuration;

namespace PlacementEngine.Server.Hosting;

/// <summary>
/// The Orleans silo in this process: its clustering and its reminders, each behind one method so a deployment can
/// swap the embedded defaults (one silo on loopback, reminders in memory) for shared providers.
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

    /// <summary>Embedded: one silo on loopback. Port 0 takes a free one, so several servers (tests) can run side by side.</summary>
    private static void ConfigureClustering(ISiloBuilder silo, ServerOptions options)
    {
        var siloPort = options.SiloPort == 0 ? FreeLoopbackPort() : options.SiloPort;
        var gatewayPort = options.GatewayPort == 0 ? FreeLoopbackPort() : options.GatewayPort;
        silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: ServiceId, clusterId: ClusterId);
    }

    /// <summary>Embedded: reminders in memory; they only keep the scheduler's and clusters' grains active, which the start-up also does.</summary>
    private static void ConfigureReminders(ISiloBuilder silo, ServerOptions options)
    {
        _ = options;
        silo.UseInMemoryReminderService();
    }

    private static int FreeLoopbackPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
