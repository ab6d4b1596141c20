using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Runtime;

namespace PlacementEngine.Silo.AdoNet.Tests.Silos;

/// <summary>
/// The child process side: "silo CONNECTION" runs one silo on PostgreSQL, prints its address and waits for its
/// standard input to close; "measure-detection [ROUNDS]" prints kill -9 and SIGSTOP detection times.
/// </summary>
public static class ChildSilo
{
    public const string ReadyPrefix = "ready ";

    public static async Task<int> RunAsync(string[] args)
    {
        switch (args)
        {
            case ["silo", var connectionString]:
                await RunSiloAsync(connectionString);
                return 0;
            case ["measure-detection", .. var rest]:
                await DetectionMeasurement.RunAsync(rest is [var rounds] ? int.Parse(rounds, System.Globalization.CultureInfo.InvariantCulture) : 3);
                return 0;
            default:
                await Console.Error.WriteLineAsync("usage: silo CONNECTION | measure-detection [ROUNDS]");
                return 2;
        }
    }

    private static async Task RunSiloAsync(string connectionString)
    {
        using var host = TestSilo.OnPostgres(connectionString);
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
