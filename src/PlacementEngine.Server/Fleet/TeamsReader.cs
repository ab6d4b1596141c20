using PlacementEngine.Core;
using PlacementEngine.Yaml;

namespace PlacementEngine.Server.FleetFiles;

/// <summary>Reads <c>teams</c>: name -> budget in dollars.</summary>
internal static class TeamsReader
{
    private static readonly string[] Keys = ["name", "budget"];

    public static IReadOnlyDictionary<string, Money> Read(YamlMap root)
    {
        var budgets = new FirstDefinitions<string, Money>(StringComparer.Ordinal);
        foreach (var team in root.Maps("teams", Keys))
        {
            var name = team.Text("name", required: true);
            var budget = team.Decimal("budget", required: true);
            if (budget < 0m)
            {
                team.Report("budget", $"{budget} is negative; a budget is 0 or more dollars");
                continue;
            }
            if (name is null || budget is null)
            {
                continue;
            }
            if (!budgets.TryAdd(name, Money.Of(budget.Value), team.Line, out var first))
            {
                team.Report("name", $"team '{name}' is already listed at line {first.Line}");
            }
        }
        return budgets.All.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
    }
}
