using System.CommandLine;
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
        var command = new Command("explain", "Show every candidate pool cheapest first, the chosen one, why the others lost, and what would fit") { id };
        command.SetAction((result, cancellationToken) => context.RunAsync(result, async (run, ct) =>
        {
            var explanation = await run.Api.ExplainJobAsync(new ExplainJobRequest { Id = result.GetRequiredValue(id) }, ct);
            run.Output.Write(explanation, () => ExplanationView.Build(explanation));
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }
}
