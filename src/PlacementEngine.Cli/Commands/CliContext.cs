using System.CommandLine;
using PlacementEngine.Cli.Api;
using PlacementEngine.Cli.Commands.Pricing;
using PlacementEngine.Cli.Config;
using PlacementEngine.Cli.Errors;
using PlacementEngine.Cli.Output;

namespace PlacementEngine.Cli.Commands;

/// <summary>
/// Shared by every command: resolves the global options into a <see cref="CommandRun"/>, runs the
/// command's body, and turns any failure into one stderr message and its exit code.
/// </summary>
internal sealed class CliContext(CliHost host, GlobalOptions options)
{
    public GlobalOptions Options => options;

    /// <summary>Standard input, for commands that read a file named "-".</summary>
    public TextReader Stdin => host.Stdin;

    public Task<int> RunAsync(ParseResult result, Func<CommandRun, CancellationToken, Task<int>> body, CancellationToken cancellationToken) =>
        RunAsync(result, (connection, output) => new CommandRun(host.ConnectApi(connection), output, host.Stderr), body, cancellationToken);

    /// <summary>The same for the commands that talk to the pricing API.</summary>
    public Task<int> RunPricingAsync(ParseResult result, Func<PricingRun, CancellationToken, Task<int>> body, CancellationToken cancellationToken) =>
        RunAsync(result, (connection, output) => new PricingRun(host.ConnectPricingApi(connection), output, host.Stderr), body, cancellationToken);

    /// <summary>
    /// For commands that work on the config file rather than the server ("config ..."): the body gets the config
    /// file's location and stdout; failures are reported like any command's.
    /// </summary>
    public int RunLocal(ParseResult result, Func<ConfigLocation, TextWriter, int> body)
    {
        try
        {
            var location = options.ResolveConfig(result, host.Environment)
                ?? throw new ConfigException($"no config file location: set HOME, XDG_CONFIG_HOME or {ConfigLocation.Variable}, or pass --config");
            return body(location, host.Stdout);
        }
        catch (Exception e)
        {
            return ErrorReporter.Report(e, null, host.Stderr, CancellationToken.None);
        }
    }

    private async Task<int> RunAsync<TRun>(
        ParseResult result,
        Func<ConnectionSettings, OutputWriter, TRun> start,
        Func<TRun, CancellationToken, Task<int>> body,
        CancellationToken cancellationToken)
        where TRun : IDisposable
    {
        ConnectionSettings? connection = null;
        try
        {
            connection = options.ResolveConnection(result, host.Environment);
            IBlockRenderer renderer = host.StdoutIsTerminal ? new RichRenderer() : new PlainRenderer();
            var output = new OutputWriter(host.Stdout, options.ResolveFormat(result), renderer);
            using var run = start(connection, output);
            return await body(run, cancellationToken);
        }
        catch (Exception e)
        {
            return ErrorReporter.Report(e, connection, host.Stderr, cancellationToken);
        }
    }
}
