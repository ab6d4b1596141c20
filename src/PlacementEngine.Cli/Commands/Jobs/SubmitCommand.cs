using System.CommandLine;
using PlacementEngine.Cli.Errors;
using PlacementEngine.Cli.JobFiles;
using PlacementEngine.Cli.Output.Views;
using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Cli.Commands.Jobs;

/// <summary>
/// "placectl jobs submit -f job.yaml". Without --idempotency-key the key is a hash of the job's
/// spec (see <see cref="IdempotencyKeys"/>), so re-running the same submit is safe: the server
/// returns the job the first run created instead of starting another.
/// </summary>
internal static class SubmitCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Option<string>("--file", "-f")
        {
            Description = "Job file (YAML; format in deploy/examples/jobs)",
            HelpName = "FILE",
            Required = true,
        };
        var idempotencyKey = new Option<string>("--idempotency-key")
        {
            Description = "Makes retries safe: the same key and spec return the same job. Default: a hash of the job's spec, so the same file submits once",
            HelpName = "KEY",
        };

        var command = new Command("submit", "Submit a job described by a YAML file") { file, idempotencyKey };
        command.SetAction((result, cancellationToken) => context.RunAsync(result, async (run, ct) =>
        {
            var spec = JobFileReader.ReadFile(result.GetRequiredValue(file));
            var request = new SubmitJobRequest { Spec = spec, IdempotencyKey = KeyFor(result.GetValue(idempotencyKey), spec) };
            var response = await run.Api.SubmitJobAsync(request, ct);
            run.Output.Write(response, () => JobEventView.Submitted(response));
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    private static string KeyFor(string? explicitKey, JobSpec spec) => explicitKey switch
    {
        null => IdempotencyKeys.ForSpec(spec),
        { } key when string.IsNullOrWhiteSpace(key) => throw new CliUsageException("--idempotency-key must not be empty"),
        { } key => key,
    };
}
