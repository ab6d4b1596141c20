using System.CommandLine;
using PlacementEngine.Cli.Errors;
using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Cli.Commands.Plan;

/// <summary>
/// "placectl plan -f jobs.yaml": where would these jobs go if they were submitted now, and at what expected
/// cost? The server plans them with the real pending queue on the current capacity and stores nothing.
/// </summary>
internal static class PlanCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Option<string>("--file", "-f")
        {
            Description = "Job file: one job, a YAML list of jobs, or job documents separated by --- (format in deploy/examples/jobs)",
            HelpName = "FILE",
            Required = true,
        };

        var all = AllCandidatesOption.Create();

        var command = new Command("plan", "What-if: show where jobs would be placed now and at what expected cost, without submitting them") { file, all };
        command.SetAction((result, cancellationToken) => context.RunAsync(result, async (run, ct) =>
        {
            var path = result.GetRequiredValue(file);
            var request = new PlanJobsRequest { Specs = { PlanFileReader.ReadFile(path) }, AllCandidates = result.GetValue(all) };
            var response = await run.Api.PlanJobsAsync(request, ct);
            run.Output.Write(response, () => PlanView.Build(response, $"placectl plan -f {path} --all"));

            // Jobs that would wait are an answer to the question, not a failure of the command.
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }
}
