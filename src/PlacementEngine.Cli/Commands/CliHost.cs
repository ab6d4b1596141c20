using PlacementEngine.Cli.Api;

namespace PlacementEngine.Cli.Commands;

/// <summary>
/// Everything placectl takes from its surroundings, so the whole command tree runs in-process
/// in tests: the streams, the environment, whether stdout is a terminal, and the API to call.
/// </summary>
internal sealed record CliHost(TextWriter Stdout, TextWriter Stderr, Func<string, string?> Environment)
{
    /// <summary>Rich tables when true; plain aligned text for pipes, files and CI logs.</summary>
    public bool StdoutIsTerminal { get; init; }

    /// <summary>Where "-f -" reads from.</summary>
    public TextReader Stdin { get; init; } = TextReader.Null;

    /// <summary>Whether Ctrl+C and SIGTERM cancel the running command (only when placectl owns the process).</summary>
    public bool HandlesTermination { get; init; }

    public Func<ConnectionSettings, IPlacementApi> ConnectApi { get; init; } = settings => new GrpcPlacementApi(settings);

    /// <summary>The pricing API, for "placectl pricing ...".</summary>
    public Func<ConnectionSettings, IPricingApi> ConnectPricingApi { get; init; } = settings => new GrpcPricingApi(settings);

    public static CliHost ForConsole() =>
        new(Console.Out, Console.Error, System.Environment.GetEnvironmentVariable)
        {
            Stdin = Console.In,
            StdoutIsTerminal = !Console.IsOutputRedirected,
            HandlesTermination = true,
        };
}
