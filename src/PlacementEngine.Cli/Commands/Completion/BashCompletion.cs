using System.CommandLine;
using System.Text;

namespace PlacementEngine.Cli.Commands.Completion;

/// <summary>
/// A bash completion script generated from the command tree, so it never falls behind the commands. It is static
/// (no placectl process per Tab press) and, where it offers nothing, bash falls back to file names (-o default).
/// </summary>
internal static class BashCompletion
{
    public static string Script(RootCommand root)
    {
        var nodes = CommandTree.Walk(root);
        var valueFlags = CommandTree.ValueFlags(root);
        var script = new StringBuilder();
        script.AppendLine("# bash completion for placectl. Load it with: source <(placectl completion bash)");
        script.AppendLine("# or save it as ~/.local/share/bash-completion/completions/placectl");
        AppendCase(script, "__placectl_commands", nodes.Where(n => n.Subcommands.Count > 0).Select(n => (n.Path, string.Join(' ', n.Subcommands))));
        AppendCase(script, "__placectl_flags", nodes.Select(n => (n.Path, string.Join(' ', n.Flags))));
        AppendCase(script, "__placectl_values", valueFlags.Where(f => f.Choices.Count > 0).Select(f => (f.Name, string.Join(' ', f.Choices))));
        script.AppendLine($$"""
            __placectl_takes_value() {
                case "$1" in
                    {{string.Join('|', valueFlags.Select(f => f.Name))}}) return 0 ;;
                esac
                return 1
            }

            _placectl() {
                local cur="${COMP_WORDS[COMP_CWORD]}" prev="" path="" word sub i
                (( COMP_CWORD > 1 )) && prev="${COMP_WORDS[COMP_CWORD-1]}"
                COMPREPLY=()
                # The command path typed so far, skipping flags and the values they take.
                for (( i = 1; i < COMP_CWORD; i++ )); do
                    word="${COMP_WORDS[i]}"
                    if [[ "$word" == -* ]]; then
                        if [[ "$word" != *=* ]] && __placectl_takes_value "$word"; then
                            i=$(( i + 1 ))
                        fi
                        continue
                    fi
                    for sub in $(__placectl_commands "$path"); do
                        if [[ "$sub" == "$word" ]]; then
                            path="${path:+$path }$word"
                            break
                        fi
                    done
                done
                if [[ "$prev" == -* ]] && __placectl_takes_value "$prev"; then
                    COMPREPLY=( $(compgen -W "$(__placectl_values "$prev")" -- "$cur") )
                elif [[ "$cur" == -* ]]; then
                    COMPREPLY=( $(compgen -W "$(__placectl_flags "$path")" -- "$cur") )
                else
                    COMPREPLY=( $(compgen -W "$(__placectl_commands "$path")" -- "$cur") )
                fi
                return 0
            }

            complete -o default -F _placectl placectl
            """);
        return script.ToString();
    }

    /// <summary>A function printing the words for its first argument; keys and words are command and flag names, so plain quotes suffice.</summary>
    private static void AppendCase(StringBuilder script, string function, IEnumerable<(string Key, string Words)> entries)
    {
        script.AppendLine($"{function}() {{");
        script.AppendLine("    case \"$1\" in");
        foreach (var (key, words) in entries)
        {
            script.AppendLine($"        '{key}') echo '{words}' ;;");
        }

        script.AppendLine("    esac");
        script.AppendLine("}");
        script.AppendLine();
    }
}
