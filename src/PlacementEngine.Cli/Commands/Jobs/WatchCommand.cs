using System.CommandLine;
using PlacementEngine.Cli.Errors;
using PlacementEngine.Cli.Output.Views;
using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Cli.Commands.Jobs;

/// <summary>
/// "placectl jobs watch ID": prints each transition as it happens and exits when the job ends,
/// with 0 for Succeeded and <see cref="ExitCodes.JobUnsuccessful"/> for Failed or Cancelled, so a
/// pipeline step can wait on a job with one command.
/// </summary>
internal static class WatchCommand
{
    public static Command Create(CliContext context)
    {
        var id = JobsCommand.JobIdArgument();
        var command = new Command("watch", "Follow a job's transitions until it succeeds, fails or is cancelled") { id };
        command.SetAction((result, cancellationToken) => context.RunAsync(result, async (run, ct) =>
        {
            var last = JobState.Unspecified;
            await foreach (var jobEvent in run.Api.WatchJobAsync(new WatchJobRequest { Id = result.GetRequiredValue(id) }, ct))
            {
                run.Output.WriteStreamItem(jobEvent, () => JobEventView.WatchEvent(jobEvent));
                last = jobEvent.Transition?.To ?? jobEvent.Job?.State ?? last;
                if (IsFinal(last))
                {
                    return last == JobState.Succeeded ? ExitCodes.Ok : ExitCodes.JobUnsuccessful;
                }
            }

            run.Stderr.WriteLine($"error: the server ended the watch before the job finished (last state {last})");
            return ExitCodes.Failure;
        }, cancellationToken));
        return command;
    }

    private static bool IsFinal(JobState state) => state is JobState.Succeeded or JobState.Failed or JobState.Cancelled;
}
