using PlacementEngine.LoadGen.Calls;
using PlacementEngine.LoadGen.Modes;
using PlacementEngine.LoadGen.Options;
using PlacementEngine.LoadGen.Output;

namespace PlacementEngine.LoadGen;

/// <summary>placement-loadgen: exit code 0 when the runs completed (their failed calls are in the output), 1 when a mode could not finish, 2 on a bad command line.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var parsed = LoadCommandLine.Command.Parse(args);
        if (parsed.Action is not null && parsed.Errors.Count == 0)
        {
            return await parsed.InvokeAsync().ConfigureAwait(false); // --help
        }
        var (options, errors) = LoadCommandLine.Read(parsed, Environment.GetEnvironmentVariable("PLACEMENT_TOKEN"));
        if (options is null)
        {
            foreach (var error in errors)
            {
                await Console.Error.WriteLineAsync(error).ConfigureAwait(false);
            }
            await Console.Error.WriteLineAsync("see --help").ConfigureAwait(false);
            return 2;
        }
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
        using var channels = new LoadChannels(options);
        var writer = new ResultWriter(Console.Out, options.Format);
        var time = TimeProvider.System;
        await Console.Error.WriteLineAsync($"{options.Mode} against {string.Join(", ", options.Targets)}: {options.Concurrency} callers over {options.Connections} connection(s)"
            + (options.Rate is { } rate ? $", {rate}/s open loop" : ", closed loop")).ConfigureAwait(false);
        return options.Mode switch
        {
            LoadMode.PlacedLatency => await new PlacedLatencyMode(options, channels, writer, time).RunAsync(stop.Token).ConfigureAwait(false),
            LoadMode.PendingCycle => await new PendingCycleMode(options, channels, writer, time).RunAsync(stop.Token).ConfigureAwait(false),
            _ => await new ThroughputMode(options, channels, writer, time).RunAsync(stop.Token).ConfigureAwait(false),
        };
    }
}
