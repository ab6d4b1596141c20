using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using PlacementEngine.Cli.Errors;

namespace PlacementEngine.Cli.Commands.Shell;

/// <summary>The library's help, followed on "placectl --help" by the exit codes scripts can branch on.</summary>
internal sealed class ExitCodesHelp(HelpAction standard) : SynchronousCommandLineAction
{
    public const string Text = """
        Exit codes:
          0     success
          1     unexpected failure inside placectl
          2     bad flags or arguments, a missing or malformed config file or context, or no command given
          3     the job file cannot be read or does not describe a job
          4     cannot connect to the server (refused, unknown host, TLS); the cause is printed
          5     jobs watch: the job ended Failed or Cancelled
          11-26 the server answered with a gRPC status: code - 10, e.g. 15 NOT_FOUND, 26 UNAUTHENTICATED
          130   interrupted (Ctrl+C)
        """;

    public override int Invoke(ParseResult parseResult)
    {
        var exitCode = standard.Invoke(parseResult);
        if (parseResult.CommandResult.Command is RootCommand)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(Text);
            parseResult.InvocationConfiguration.Output.WriteLine();
        }

        return exitCode;
    }

    /// <summary>Replaces the root's help action, and makes a bare "placectl" print the same help.</summary>
    public static void InstallOn(RootCommand root)
    {
        var help = root.Options.OfType<HelpOption>().Single();
        var action = new ExitCodesHelp((HelpAction)help.Action!);
        help.Action = action;

        // Help on stdout (so it pages), but exit 2: nothing was asked for, and a script that ran a bare
        // "placectl" from an empty variable should fail rather than succeed silently.
        root.SetAction(result =>
        {
            action.Invoke(result);
            return ExitCodes.Usage;
        });
    }
}
