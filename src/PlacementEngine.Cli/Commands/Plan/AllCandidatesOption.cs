using System.CommandLine;

namespace PlacementEngine.Cli.Commands.Plan;

/// <summary>"--all" of "plan" and "jobs explain": every candidate pool instead of the chosen one and the best few.</summary>
internal static class AllCandidatesOption
{
    public static Option<bool> Create() => new("--all")
    {
        Description = "Show every candidate pool, not only the chosen one and the best 3 others",
    };
}
