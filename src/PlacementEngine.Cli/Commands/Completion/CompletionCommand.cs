using System.CommandLine;

namespace PlacementEngine.Cli.Commands.Completion;

/// <summary>"placectl completion bash|zsh": prints a completion script for the shell.</summary>
internal static class CompletionCommand
{
    private static readonly string[] Shells = ["bash", "zsh"];

    public static Command Create(CliHost host)
    {
        var shell = new Argument<string>("SHELL") { Description = "bash or zsh" }.AcceptOnlyFromAmong(Shells);
        var command = new Command(
            "completion",
            "Print a shell completion script: source <(placectl completion bash), or zsh in ~/.zshrc")
        {
            shell,
        };
        command.SetAction(result =>
        {
            var root = (RootCommand)result.RootCommandResult.Command;
            var bash = BashCompletion.Script(root);

            // zsh runs bash completion functions through its bashcompinit layer: one script to keep right, not two.
            host.Stdout.Write(result.GetValue(shell) == "zsh" ? ZshPrelude + bash : bash);
            return 0;
        });
        return command;
    }

    private const string ZshPrelude = """
        # zsh completion for placectl, through zsh's bash completion support.
        autoload -U +X compinit && compinit
        autoload -U +X bashcompinit && bashcompinit

        """;
}
