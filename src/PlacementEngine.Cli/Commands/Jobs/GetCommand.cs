using System.CommandLine;
using PlacementEngine.Cli.Errors;
using PlacementEngine.Cli.Output.Views;
using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Cli.Commands.Jobs;

/// <summary>"placectl jobs get ID".</summary>
internal static class GetCommand
{
    public static Command Create(CliContext context)
    {
        var id = JobsCommand.JobIdArgument();
        var command = new Command("get", "Show one job: its state, where it runs, its expected cost and its history") { id };
        command.SetAction((result, cancellationToken) => context.RunAsync(result, async (run, ct) =>
        {
            var job = await run.Api.GetJobAsync(new GetJobRequest { Id = result.GetRequiredValue(id) }, ct);
            run.Output.Write(job, () => JobDetailView.Build(job));
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }
}
