using System.CommandLine;
using System.CommandLine.Invocation;
using PlacementEngine.Cli.Commands;
using PlacementEngine.Cli.Commands.Clusters;
using PlacementEngine.Cli.Commands.Completion;
using PlacementEngine.Cli.Commands.Contexts;
using PlacementEngine.Cli.Commands.Jobs;
using PlacementEngine.Cli.Commands.Plan;
using PlacementEngine.Cli.Commands.Pools;
using PlacementEngine.Cli.Commands.Pricing;
using PlacementEngine.Cli.Commands.Shell;
using PlacementEngine.Cli.Errors;
using PlacementEngine.Cli.Output;

namespace PlacementEngine.Cli;

/// <summary>placectl's command tree, runnable in-process: arguments and streams in, exit code out.</summary>
internal static class PlacectlApp
{
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, Func<string, string?> environment) =>
        RunAsync(args, new CliHost(stdout, stderr, environment));

    public static async Task<int> RunAsync(string[] args, CliHost host, CancellationToken cancellationToken = default)
    {
        // Errors and notes quote the server and the command line, so they never reach the terminal unescaped.
        host = host with { Stderr = new TerminalSafeWriter(host.Stderr) };
        var parseResult = BuildRootCommand(host).Parse(args);
        if (parseResult.Action is ParseErrorAction)
        {
            // Errors only, without the full help: in a CI log the message is what matters.
            foreach (var error in parseResult.Errors)
            {
                host.Stderr.WriteLine($"error: {error.Message}");
            }

            foreach (var hint in DidYouMean.Hints(parseResult, args).Distinct())
            {
                host.Stderr.WriteLine(hint);
            }

            host.Stderr.WriteLine($"Run '{CommandPath(parseResult)} --help' for usage.");
            return ExitCodes.Usage;
        }

        var invocation = new InvocationConfiguration
        {
            Output = host.Stdout,
            Error = host.Stderr,
            EnableDefaultExceptionHandler = false,
        };
        if (!host.HandlesTermination)
        {
            invocation.ProcessTerminationTimeout = null;
        }

        return await parseResult.InvokeAsync(invocation, cancellationToken);
    }

    public static RootCommand BuildRootCommand(CliHost host)
    {
        var options = new GlobalOptions();
        var context = new CliContext(host, options);
        var root = new RootCommand("placectl: submit ML jobs to the cost-aware placement server and see where they run and why")
        {
            JobsCommand.Create(context),
            PlanCommand.Create(context),
            ClustersCommand.Create(context),
            PoolsCommand.Create(context),
            PricingCommand.Create(context),
            ConfigCommand.Create(context),
            CompletionCommand.Create(host),
        };
        options.AddTo(root);
        ExitCodesHelp.InstallOn(root);
        return root;
    }

    private static string CommandPath(ParseResult parseResult)
    {
        var names = new Stack<string>();
        for (var result = parseResult.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Push(result.Command is RootCommand ? "placectl" : result.Command.Name);
        }

        return string.Join(' ', names);
    }
}
