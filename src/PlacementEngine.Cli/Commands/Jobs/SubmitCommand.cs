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
            Description = "Job file (YAML; format in deploy/examples/jobs), or a job as jobs get -o yaml prints it; - reads standard input",
            HelpName = "FILE",
            Required = true,
        };
        var idempotencyKey = IdempotencyKeyOption(
            "Makes retries safe: the same key and spec return the same job. Default: a hash of the job's spec, so the same file submits once (jobs rerun ID runs a spec again)");

        var command = new Command("submit", "Submit a job described by a YAML file, or by the output of jobs get -o yaml") { file, idempotencyKey };
        command.SetAction((result, cancellationToken) => context.RunAsync(result, async (run, ct) =>
        {
            var jobFile = JobFileReader.ReadFile(result.GetRequiredValue(file), context.Stdin);
            if (jobFile.IgnoredFields.Count > 0)
            {
                run.Stderr.WriteLine($"note: submitting the spec of a job as jobs get prints it; ignored: {string.Join(", ", jobFile.IgnoredFields)}");
            }

            var spec = jobFile.Spec;
            var request = new SubmitJobRequest { Spec = spec, IdempotencyKey = KeyFor(result.GetValue(idempotencyKey), () => IdempotencyKeys.ForSpec(spec)) };
            var response = await run.Api.SubmitJobAsync(request, ct);
            run.Output.Write(response, () => JobEventView.Submitted(response));
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    /// <summary>--idempotency-key, as submit and rerun share it.</summary>
    public static Option<string> IdempotencyKeyOption(string description) => new("--idempotency-key")
    {
        Description = description,
        HelpName = "KEY",
    };

    /// <summary>The key given on the command line, or the command's default when none was.</summary>
    public static string KeyFor(string? explicitKey, Func<string> defaultKey) => explicitKey switch
    {
        null => defaultKey(),
        { } key when string.IsNullOrWhiteSpace(key) => throw new CliUsageException("--idempotency-key must not be empty"),
        { } key => key,
    };
}
