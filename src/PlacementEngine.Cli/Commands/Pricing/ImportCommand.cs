using System.CommandLine;
using Grpc.Core;
using PlacementEngine.Cli.Errors;
using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Cli.Commands.Pricing;

/// <summary>
/// "placectl pricing import FILE": uploads a price file, has the server validate it against the active book and,
/// when nothing is wrong, store it as a new version. A file with any problem changes nothing; each problem is
/// printed with its line.
/// </summary>
internal static class ImportCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("FILE") { Description = "The price file: a SkyPilot catalog CSV, a cost ConfigMap, or placement-v1 CSV" };
        var format = new Option<string>("--format")
        {
            Description = "skypilot-csv, configmap or placement-v1 [default: detected from the content and the file name]",
            HelpName = "FORMAT",
        }.AcceptOnlyFromAmong("skypilot-csv", "configmap", "placement-v1");
        var cloud = new Option<string>("--cloud")
        {
            Description = "The cloud a SkyPilot catalog is for [default: from its header or file name]",
            HelpName = "CLOUD",
        }.AcceptOnlyFromAmong("aws", "gcp", "azure");
        var region = new Option<string>("--region")
        {
            Description = "ConfigMap only: the cloud:region its instance prices apply to, e.g. gcp:us-central1",
            HelpName = "CLOUD:REGION",
        };
        var comment = new Option<string>("--comment") { Description = "Why, stored with the version", HelpName = "TEXT" };
        var allowLarge = new Option<bool>("--allow-large-changes") { Description = "Accept prices more than 20 times the active ones" };
        var allowRemovals = new Option<bool>("--allow-removals") { Description = "Accept a file that removes more than 5% of the active book's prices" };
        var allowUnpriced = new Option<bool>("--allow-unpriced-pools") { Description = "Accept a file that takes the price away from fleet pools" };
        var allowBelowFloor = new Option<bool>("--allow-below-floor") { Description = "Accept prices below $0.0001 per node-hour, zero included" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Validate the file and print what would change against the active version; store nothing" };
        var noActivate = new Option<bool>("--no-activate") { Description = "Store the version without making it active (activate it later)" };

        var command = new Command("import", "Import a price file as a new price book version (progress on stderr)")
        {
            file, format, cloud, region, comment, allowLarge, allowRemovals, allowUnpriced, allowBelowFloor, dryRun, noActivate,
        };
        command.SetAction((result, cancellationToken) => context.RunPricingAsync(result, async (run, ct) =>
        {
            var path = result.GetRequiredValue(file);
            await using var content = Open(path);
            var name = Path.GetFileName(path);
            var header = new ImportPricesHeader
            {
                FileName = name,
                TotalBytes = content.Length,
                Format = result.GetValue(format) ?? "",
                Cloud = result.GetValue(cloud) ?? "",
                Region = result.GetValue(region) ?? "",
                Comment = result.GetValue(comment) ?? "",
                AllowLargeChanges = result.GetValue(allowLarge),
                NoActivate = result.GetValue(noActivate),
                AllowRemovals = result.GetValue(allowRemovals),
                AllowBelowFloor = result.GetValue(allowBelowFloor),
                AllowUnpricedPools = result.GetValue(allowUnpriced),
                DryRun = result.GetValue(dryRun),
            };
            var progress = new ImportProgressPrinter(run.Stderr, name);
            var outcome = await ImportAsync(run, PriceFileRequests.ReadAsync(header, content, path, progress, ct), progress, name, ct);
            run.Output.Write(outcome, () => PricingViews.Imported(outcome, name));
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    /// <summary>Follows the call to its last event: the outcome, or the rejection thrown as the INVALID_ARGUMENT error it ends with.</summary>
    private static async Task<ImportOutcome> ImportAsync(
        PricingRun run,
        IAsyncEnumerable<ImportPricesRequest> requests,
        ImportProgressPrinter progress,
        string name,
        CancellationToken cancellationToken)
    {
        ImportOutcome? outcome = null;
        ImportRejection? rejection = null;
        try
        {
            await foreach (var step in run.Api.ImportPricesAsync(requests, cancellationToken))
            {
                if (step.Progress is { } serverProgress)
                {
                    progress.Server(serverProgress);
                }
                outcome = step.Outcome ?? outcome;
                rejection = step.Rejected ?? rejection;
            }
        }
        catch (RpcException e) when (rejection is not null && e.StatusCode == StatusCode.InvalidArgument)
        {
            throw PriceFileRejection.ToError(rejection, name);
        }
        if (rejection is not null)
        {
            throw PriceFileRejection.ToError(rejection, name);
        }
        return outcome ?? throw new RpcException(new Status(StatusCode.Internal, "the server ended the import without saying whether it was stored"));
    }

    private static FileStream Open(string path)
    {
        try
        {
            // Unbuffered: the file is read in whole chunks already, which a buffer would only copy once more.
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, useAsync: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"cannot read {path}: {e.Message}");
        }
    }
}
