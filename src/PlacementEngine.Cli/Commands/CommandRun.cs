using PlacementEngine.Cli.Api;
using PlacementEngine.Cli.Output;

namespace PlacementEngine.Cli.Commands;

/// <summary>What one command invocation works with: the API connection, the output and stderr for notes.</summary>
internal sealed class CommandRun(IPlacementApi api, OutputWriter output, TextWriter stderr) : IDisposable
{
    public IPlacementApi Api => api;

    public OutputWriter Output => output;

    /// <summary>Hints that must not mix into the data on stdout (e.g. "more pages available").</summary>
    public TextWriter Stderr => stderr;

    public void Dispose() => api.Dispose();
}
