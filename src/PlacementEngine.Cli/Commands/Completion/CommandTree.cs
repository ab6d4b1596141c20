using System.CommandLine;
using System.CommandLine.Completions;

namespace PlacementEngine.Cli.Commands.Completion;

/// <summary>placectl's commands as completion scripts see them: each command path with its subcommands and flags.</summary>
internal sealed record CommandNode(string Path, IReadOnlyList<string> Subcommands, IReadOnlyList<string> Flags);

/// <summary>A flag that takes a value, with the fixed values it accepts (empty: anything, e.g. a file name).</summary>
internal sealed record ValueFlag(string Name, IReadOnlyList<string> Choices);

internal static class CommandTree
{
    /// <summary>Every visible command, depth first, starting with the root (path "").</summary>
    public static IReadOnlyList<CommandNode> Walk(RootCommand root)
    {
        var nodes = new List<CommandNode>();
        Visit(root, "", [], nodes);
        return nodes;
    }

    /// <summary>Every visible flag that takes a value, under each of its names.</summary>
    public static IReadOnlyList<ValueFlag> ValueFlags(RootCommand root)
    {
        var flags = new Dictionary<string, ValueFlag>(StringComparer.Ordinal);
        foreach (var option in AllOptions(root).Where(o => o.ValueType != typeof(bool)))
        {
            var choices = option.GetCompletions(CompletionContext.Empty).Select(c => c.Label).ToList();
            foreach (var name in NamesOf(option))
            {
                flags.TryAdd(name, new ValueFlag(name, choices));
            }
        }

        return flags.Values.OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
    }

    private static void Visit(Command command, string path, IReadOnlyList<Option> inherited, List<CommandNode> nodes)
    {
        var flags = command.Options.Concat(inherited).Where(o => !o.Hidden).SelectMany(NamesOf).Distinct().Order(StringComparer.Ordinal).ToList();
        var subcommands = command.Subcommands.Where(c => !c.Hidden).ToList();
        nodes.Add(new CommandNode(path, subcommands.Select(c => c.Name).ToList(), flags));
        var passedDown = inherited.Concat(command.Options.Where(o => o.Recursive)).ToList();
        foreach (var subcommand in subcommands)
        {
            Visit(subcommand, path.Length == 0 ? subcommand.Name : $"{path} {subcommand.Name}", passedDown, nodes);
        }
    }

    private static IEnumerable<Option> AllOptions(Command command) =>
        command.Options.Where(o => !o.Hidden).Concat(command.Subcommands.SelectMany(AllOptions));

    private static IEnumerable<string> NamesOf(Option option) => [option.Name, .. option.Aliases];
}
