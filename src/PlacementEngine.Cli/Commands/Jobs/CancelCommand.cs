using System.CommandLine;
using PlacementEngine.Cli.Errors;
using PlacementEngine.Cli.Output.Views;
using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Cli.Commands.Jobs;

/// <summary>"placectl jobs cancel ID [--reason R]".</summary>
internal static class CancelCommand
{
    public static Command Create(CliContext context)
    {
        var id = JobsCommand.JobIdArgument();
        var reason = new Option<string>("--reason")
        {
            Description = "Why, recorded with the job's transition",
            HelpName = "TEXT",
        };

        var command = new Command("cancel", "Cancel a job that has not finished") { id, reason };
        command.SetAction((result, cancellationToken) => context.RunAsync(result, async (run, ct) =>
        {
            var request = new CancelJobRequest { Id = result.GetRequiredValue(id), Reason = result.GetValue(reason) ?? "" };
            var job = await run.Api.CancelJobAsync(request, ct);
            run.Output.Write(job, () => JobEventView.Cancelled(job));
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }
}
