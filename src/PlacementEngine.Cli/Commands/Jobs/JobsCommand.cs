using System.CommandLine;

namespace PlacementEngine.Cli.Commands.Jobs;

/// <summary>"placectl jobs ...": submit and follow jobs.</summary>
internal static class JobsCommand
{
    public static Command Create(CliContext context) => new("jobs", "Submit, inspect, follow and cancel jobs")
    {
        SubmitCommand.Create(context),
        GetCommand.Create(context),
        ListCommand.Create(context),
        CancelCommand.Create(context),
        WatchCommand.Create(context),
        ExplainCommand.Create(context),
        RerunCommand.Create(context),
    };

    /// <summary>The job id argument shared by the commands that act on one job.</summary>
    public static Argument<string> JobIdArgument() => new("ID") { Description = "Job id, as printed by jobs submit or jobs list" };
}
