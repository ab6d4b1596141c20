using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Hosting;
using PlacementEngine.TestKit.Servers;

namespace PlacementEngine.Silo.AdoNet.Tests.Silos;

/// <summary>A silo host on loopback ports of its own, with the probe grain and one-second reminders allowed.</summary>
public static class TestSilo
{
    public const string ClusterId = "placement-test";

    public static IHost Build(Action<ISiloBuilder, int, int> configure)
    {
        var siloPort = LoopbackPort.Free();
        var gatewayPort = LoopbackPort.Free();
        return new HostBuilder()
            .UseOrleans(silo =>
            {
                silo.Configure<ClusterOptions>(options =>
                {
                    options.ClusterId = ClusterId;
                    options.ServiceId = "placement-engine";
                });
                silo.Configure<ReminderOptions>(options => options.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
                silo.Services.AddSingleton<ReminderTicks>();
                configure(silo, siloPort, gatewayPort);
            })
            .Build();
    }

    public static IHost Embedded(string databasePath) => Build((silo, siloPort, gatewayPort) =>
        silo.UseLocalhostClustering(siloPort, gatewayPort).UseEmbeddedSqliteReminders(databasePath));

    /// <summary>On PostgreSQL with the project's failure detection, or for comparison with Orleans' own defaults.</summary>
    public static IHost OnPostgres(string connectionString, bool orleansDefaults = false) => Build((silo, siloPort, gatewayPort) =>
    {
        silo.ConfigureEndpoints(IPAddress.Loopback, siloPort, gatewayPort).UsePostgresCluster(connectionString);
        if (orleansDefaults)
        {
            // Configure runs in order: this puts back the membership values Orleans ships with.
            silo.Configure<ClusterMembershipOptions>(options =>
            {
                var defaults = new ClusterMembershipOptions();
                options.ProbeTimeout = defaults.ProbeTimeout;
                options.NumMissedProbesLimit = defaults.NumMissedProbesLimit;
                options.EnableConnectionLivenessCheck = defaults.EnableConnectionLivenessCheck;
                options.TableRefreshTimeout = defaults.TableRefreshTimeout;
            });
        }
    });

    public static IProbeGrain Probe(this IHost host, string key) => host.Services.GetRequiredService<IGrainFactory>().GetGrain<IProbeGrain>(key);

    public static int Ticks(this IHost host, string key) => host.Services.GetRequiredService<ReminderTicks>().Count(key);
}
