using System.Globalization;
using Microsoft.Extensions.Hosting;
using PlacementEngine.TestKit.Servers;

namespace PlacementEngine.Silo.AdoNet.Tests.Silos;

/// <summary>
/// Measures (never tests) how a cluster of three silos on PostgreSQL (this process and two child processes) deals
/// with a child killed by kill -9 or frozen by SIGSTOP: the time from the signal to the Dead row in the membership
/// table, and to a grain that lived on the victim answering from a survivor (calls time out after 1 s and are
/// retried, as a client would). Polled every 100 ms. With the project's failure detection, or Orleans' own defaults.
/// </summary>
public static class DetectionMeasurement
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(1);

    public static async Task RunAsync(int rounds, bool orleansDefaults)
    {
        await using var server = await PostgresServer.StartAsync();
        var connectionString = await server.CreateDatabaseAsync();
        using var observer = TestSilo.OnPostgres(connectionString, orleansDefaults);
        await observer.StartAsync();
        var children = new List<SiloProcess>();
        try
        {
            for (var i = 0; i < 2; i++)
            {
                children.Add(await StartActiveAsync(connectionString, orleansDefaults));
            }
            for (var round = 1; round <= rounds; round++)
            {
                await MeasureAsync("kill -9", round, connectionString, orleansDefaults, observer, children, victim =>
                {
                    victim.Kill();
                    return Task.CompletedTask;
                });
                await MeasureAsync("SIGSTOP", round, connectionString, orleansDefaults, observer, children, victim => victim.FreezeAsync());
            }
        }
        finally
        {
            foreach (var child in children)
            {
                await child.DisposeAsync();
            }
            await observer.StopAsync(new CancellationToken(canceled: true));
        }
    }

    private static async Task MeasureAsync(
        string failure, int round, string connectionString, bool orleansDefaults, IHost observer, List<SiloProcess> children, Func<SiloProcess, Task> fail)
    {
        var victim = children[0];
        var grainKey = await KeyHostedOnAsync(observer, victim.Address);
        var deadline = TimeSpan.FromMinutes(5);
        var start = TimeProvider.System.GetTimestamp();
        await fail(victim);
        var declaredDead = Since(start, PostgresMembership.WaitForStatusAsync(connectionString, victim.Port, PostgresMembership.Dead, deadline));
        var answersElsewhere = Since(start, Eventually.HoldsAsync(
            () => observer.Probe(grainKey).SiloAsync().WaitAsync(CallTimeout), silo => silo != victim.Address, "the grain answers from a survivor", deadline));
        var (dead, answers) = (await declaredDead, await answersElsewhere);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{failure}: round {round}: declared dead after {dead.TotalSeconds:F1} s; grain answers from a survivor after {answers.TotalSeconds:F1} s"));
        children.RemoveAt(0);
        await victim.DisposeAsync();
        children.Add(await StartActiveAsync(connectionString, orleansDefaults));
    }

    /// <summary>A grain key whose activation lives on the given silo (placement is random: try keys until one lands there).</summary>
    private static async Task<string> KeyHostedOnAsync(IHost observer, string siloAddress)
    {
        for (var i = 0; i < 1000; i++)
        {
            var key = $"probe-{Guid.NewGuid():N}";
            if (await observer.Probe(key).SiloAsync() == siloAddress)
            {
                return key;
            }
        }
        throw new InvalidOperationException($"no grain landed on {siloAddress} in 1000 tries");
    }

    private static async Task<TimeSpan> Since<T>(long start, Task<T> until)
    {
        await until;
        return TimeProvider.System.GetElapsedTime(start);
    }

    private static async Task<SiloProcess> StartActiveAsync(string connectionString, bool orleansDefaults)
    {
        var silo = await SiloProcess.StartAsync(connectionString, orleansDefaults);
        await PostgresMembership.WaitForStatusAsync(connectionString, silo.Port, PostgresMembership.Active);
        return silo;
    }
}
