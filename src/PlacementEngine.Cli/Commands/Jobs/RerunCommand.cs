using System.CommandLine;
using PlacementEngine.Cli.Errors;
using PlacementEngine.Cli.JobFiles;
using PlacementEngine.Cli.Output.Views;
using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Cli.Commands.Jobs;

/// <summary>
/// "placectl jobs rerun ID": the job's spec submitted again as a new job. Submitting the unchanged spec would
/// return the first job forever (its default idempotency key is a hash of the spec), so a rerun takes a new key.
/// </summary>
internal static class RerunCommand
{
    public static Command Create(CliContext context)
    {
        var id = JobsCommand.JobIdArgument();
        var idempotencyKey = SubmitCommand.IdempotencyKeyOption(
            "Makes a retried rerun safe: the same key returns the job the first try started. Default: a new key, so each rerun starts a job");

        var command = new Command("rerun", "Submit a job's spec again as a new job and print the new job's id") { id, idempotencyKey };
        command.SetAction((result, cancellationToken) => context.RunAsync(result, async (run, ct) =>
        {
            var original = await run.Api.GetJobAsync(new GetJobRequest { Id = result.GetRequiredValue(id) }, ct);
            var request = new SubmitJobRequest
            {
                Spec = original.Spec ?? throw new InvalidOperationException($"the server sent job {original.Id} without its spec"),
                IdempotencyKey = SubmitCommand.KeyFor(result.GetValue(idempotencyKey), IdempotencyKeys.Fresh),
            };
            var response = await run.Api.SubmitJobAsync(request, ct);
            run.Output.Write(response, () => JobEventView.Submitted(response, rerunOf: original.Id));
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }
}
