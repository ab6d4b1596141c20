using System.CommandLine.Parsing;
using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Cli.Commands.Jobs;

/// <summary>Job states as typed on the command line: lower-case names, comma-separated or repeated.</summary>
internal static class JobStateNames
{
    private static readonly IReadOnlyDictionary<string, JobState> ByName = Enum.GetValues<JobState>()
        .Where(state => state != JobState.Unspecified)
        .ToDictionary(state => state.ToString().ToLowerInvariant(), StringComparer.OrdinalIgnoreCase);

    public static string Choices => string.Join(", ", ByName.Keys);

    /// <summary>Parses "--state pending,running --state failed"; unknown names are parse errors listing the valid ones.</summary>
    public static JobState[] Parse(ArgumentResult result)
    {
        var states = new List<JobState>();
        foreach (var token in result.Tokens)
        {
            foreach (var name in token.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (!ByName.TryGetValue(name, out var state))
                {
                    result.AddError($"Unknown job state '{name}'. Valid states: {Choices}.");
                    return [];
                }

                if (!states.Contains(state))
                {
                    states.Add(state);
                }
            }
        }

        return [.. states];
    }
}
