using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Runtime;

namespace PlacementEngine.Silo.AdoNet.Tests.Silos;

/// <summary>
/// The child process side: "silo CONNECTION [orleans-defaults]" runs one silo on PostgreSQL, prints its address and
/// waits for its standard input to close; "measure-detection [ROUNDS [orleans-defaults]]" prints kill -9 and SIGSTOP
/// detection times, with the project's failure detection or, for comparison, Orleans' own defaults.
/// </summary>
public static class ChildSilo
{
    public const string ReadyPrefix = "ready ";

    public const string OrleansDefaults = "orleans-defaults";

    public static async Task<int> RunAsync(string[] args)
    {
        switch (args)
        {
            case ["silo", var connectionString, .. var mode]:
                await RunSiloAsync(connectionString, mode is [OrleansDefaults]);
                return 0;
            case ["measure-detection", .. var rest]:
                var rounds = rest is [var count, ..] ? int.Parse(count, System.Globalization.CultureInfo.InvariantCulture) : 3;
                await DetectionMeasurement.RunAsync(rounds, rest is [_, OrleansDefaults]);
                return 0;
            default:
                await Console.Error.WriteLineAsync($"usage: silo CONNECTION [{OrleansDefaults}] | measure-detection [ROUNDS [{OrleansDefaults}]]");
                return 2;
        }
    }

    private static async Task RunSiloAsync(string connectionString, bool orleansDefaults)
    {
        using var host = TestSilo.OnPostgres(connectionString, orleansDefaults);
        await host.StartAsync();
        var address = host.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;
        Console.WriteLine(ReadyPrefix + address.ToParsableString());
        while (await Console.In.ReadLineAsync() is not null)
        {
            // The parent never writes; end of input means it wants a graceful stop.
        }
        await host.StopAsync();
    }
}
