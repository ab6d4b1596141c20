using System.CommandLine;
using PlacementEngine.Cli.Commands.Plan;
using PlacementEngine.Cli.Errors;
using PlacementEngine.Cli.Output.Views;
using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Cli.Commands.Jobs;

/// <summary>"placectl jobs explain ID": why this pool, or why still pending.</summary>
internal static class ExplainCommand
{
    public static Command Create(CliContext context)
    {
        var id = JobsCommand.JobIdArgument();
        var all = AllCandidatesOption.Create();
        var command = new Command("explain", "Show the chosen pool and the best few others cheapest first (--all: every pool), why the others lost, and what would fit") { id, all };
        command.SetAction((result, cancellationToken) => context.RunAsync(result, async (run, ct) =>
        {
            var request = new ExplainJobRequest { Id = result.GetRequiredValue(id), AllCandidates = result.GetValue(all) };
            var explanation = await run.Api.ExplainJobAsync(request, ct);
            run.Output.Write(explanation, () => ExplanationView.Build(explanation));
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }
}
