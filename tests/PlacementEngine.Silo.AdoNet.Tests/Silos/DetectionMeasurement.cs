using System.Globalization;
using PlacementEngine.TestKit.Servers;

namespace PlacementEngine.Silo.AdoNet.Tests.Silos;

/// <summary>
/// Measures (never tests) how long three silo processes on PostgreSQL take to declare one of them
/// dead after kill -9 and after SIGSTOP, with the default <see cref="FailureDetectionOptions"/> or Orleans' own. Times are from the
/// signal to the Dead row in the membership table, polled every 100 ms.
/// </summary>
public static class DetectionMeasurement
{
    public static async Task RunAsync(int rounds, bool orleansDefaults)
    {
        await using var server = await PostgresServer.StartAsync();
        var connectionString = await server.CreateDatabaseAsync();
        var silos = new List<SiloProcess>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                silos.Add(await StartActiveAsync(connectionString, orleansDefaults));
            }
            for (var round = 1; round <= rounds; round++)
            {
                Report("kill -9", round, await DeclaredDeadAfterAsync(connectionString, orleansDefaults, silos, victim =>
                {
                    victim.Kill();
                    return Task.CompletedTask;
                }));
                Report("SIGSTOP", round, await DeclaredDeadAfterAsync(connectionString, orleansDefaults, silos, victim => victim.FreezeAsync()));
            }
        }
        finally
        {
            foreach (var silo in silos)
            {
                await silo.DisposeAsync();
            }
        }
    }

    private static async Task<TimeSpan> DeclaredDeadAfterAsync(string connectionString, bool orleansDefaults, List<SiloProcess> silos, Func<SiloProcess, Task> fail)
    {
        var victim = silos[0];
        var start = TimeProvider.System.GetTimestamp();
        await fail(victim);
        await PostgresMembership.WaitForStatusAsync(connectionString, victim.Port, PostgresMembership.Dead, TimeSpan.FromMinutes(5));
        var elapsed = TimeProvider.System.GetElapsedTime(start);
        silos.RemoveAt(0);
        await victim.DisposeAsync();
        silos.Add(await StartActiveAsync(connectionString, orleansDefaults));
        return elapsed;
    }

    private static async Task<SiloProcess> StartActiveAsync(string connectionString, bool orleansDefaults)
    {
        var silo = await SiloProcess.StartAsync(connectionString, orleansDefaults);
        await PostgresMembership.WaitForStatusAsync(connectionString, silo.Port, PostgresMembership.Active);
        return silo;
    }

    private static void Report(string failure, int round, TimeSpan elapsed) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{failure}: round {round}: declared dead after {elapsed.TotalSeconds:F1} s"));
}
