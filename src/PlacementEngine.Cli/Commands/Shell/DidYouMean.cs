using System.CommandLine;

namespace PlacementEngine.Cli.Commands.Shell;

/// <summary>
/// "Did you mean" for a mistyped subcommand or flag. Hand-written because System.CommandLine's own typo correction
/// misses flags (it takes an unknown "--sever" as the command's argument) and prints to the console in its own words.
/// </summary>
internal static class DidYouMean
{
    /// <summary>One hint line per mistyped token of <paramref name="args"/> that is close to a real name.</summary>
    public static IEnumerable<string> Hints(ParseResult result, IReadOnlyList<string> args)
    {
        var command = result.CommandResult.Command;
        var subcommands = command.Subcommands.Where(c => !c.Hidden).SelectMany(Names).ToList();
        foreach (var token in result.UnmatchedTokens.Where(t => !t.StartsWith('-')))
        {
            if (Closest(token, subcommands) is { } name)
            {
                yield return $"hint: did you mean '{name}' instead of '{token}'?";
            }
        }

        var flags = FlagsOf(result).ToHashSet(StringComparer.Ordinal);
        foreach (var arg in args.TakeWhile(a => a != "--"))
        {
            var flag = arg.Split('=', 2)[0];
            if (flag.Length > 1 && flag.StartsWith('-') && !flags.Contains(flag) && Closest(flag, flags) is { } name)
            {
                yield return $"hint: did you mean '{name}' instead of '{flag}'?";
            }
        }
    }

    /// <summary>The nearest candidate within a distance that still reads as a typo (1 for short names, 2 from 5 characters).</summary>
    public static string? Closest(string typed, IEnumerable<string> candidates)
    {
        var allowed = typed.TrimStart('-').Length >= 5 ? 2 : 1;
        return candidates
            .Select(name => (Name: name, Distance: Distance(typed, name)))
            .Where(c => c.Distance <= allowed)
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => c.Name)
            .FirstOrDefault();
    }

    /// <summary>Edit distance counting a swap of neighbours as one edit ("jbos" is one from "jobs").</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    /// <summary>Every flag valid where the parse ended: the command's own and the recursive ones of its ancestors.</summary>
    private static IEnumerable<string> FlagsOf(ParseResult result)
    {
        var own = result.CommandResult.Command.Options;
        var inherited = Ancestors(result.CommandResult.Command).SelectMany(c => c.Options).Where(o => o.Recursive);
        return own.Concat(inherited).Where(o => !o.Hidden).SelectMany(Names);
    }

    private static IEnumerable<Command> Ancestors(Command command)
    {
        for (var parent = command.Parents.OfType<Command>().FirstOrDefault(); parent is not null; parent = parent.Parents.OfType<Command>().FirstOrDefault())
        {
            yield return parent;
        }
    }

    private static IEnumerable<string> Names(Symbol symbol) =>
        symbol switch
        {
            Option option => [option.Name, .. option.Aliases],
            Command command => [command.Name, .. command.Aliases],
            _ => [symbol.Name],
        };
}
