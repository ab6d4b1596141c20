using System.CommandLine;
using PlacementEngine.Cli.Api;
using PlacementEngine.Cli.Errors;
using PlacementEngine.Cli.Output.Views;
using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Cli.Commands.Jobs;

/// <summary>
/// "placectl jobs list [--state pending,running] [--name TEXT] [--limit N | --all-pages]": newest first, filtered
/// on the server, which pages; this follows its page tokens until the limit.
/// </summary>
internal static class ListCommand
{
    public const int DefaultLimit = 50;

    /// <summary>The server's largest page (placement.proto).</summary>
    private const int MaxPageSize = 1000;

    public static Command Create(CliContext context)
    {
        var states = new Option<JobState[]>("--state")
        {
            Description = $"Only jobs in these states, comma-separated or repeated ({JobStateNames.Choices})",
            HelpName = "STATES",
            CustomParser = JobStateNames.Parse,
        };
        // Part of the name rather than all of it: runs of one job are usually named alike ("nightly-etl-1207"),
        // and a whole name is a part of itself, so an exact name still finds its job.
        var name = new Option<string>("--name")
        {
            Description = "Only jobs whose name contains TEXT (any case)",
            HelpName = "TEXT",
        };
        var limit = new Option<int>("--limit")
        {
            Description = $"At most N jobs, the newest (default {DefaultLimit})",
            HelpName = "N",
            DefaultValueFactory = _ => DefaultLimit,
        };
        limit.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--limit must be at least 1; --all-pages lists every matching job");
            }
        });
        var allPages = new Option<bool>("--all-pages")
        {
            Description = "Every matching job, however many, instead of --limit",
        };

        var command = new Command("list", $"List jobs, newest first: the {DefaultLimit} newest, or --limit N, or every one with --all-pages")
        {
            states, name, limit, allPages,
        };
        command.Validators.Add(result =>
        {
            if (result.GetResult(limit) is { Implicit: false } && result.GetValue(allPages))
            {
                result.AddError("--limit and --all-pages cannot be used together");
            }
        });
        command.SetAction((result, cancellationToken) => context.RunAsync(result, async (run, ct) =>
        {
            var request = new ListJobsRequest { NewestFirst = true, NameContains = result.GetValue(name) ?? "" };
            request.States.AddRange(result.GetValue(states) ?? []);
            var max = result.GetValue(allPages) ? int.MaxValue : result.GetValue(limit);
            var response = await ListAsync(run.Api, request, max, ct);

            run.Output.Write(response, () => JobListView.Build(response.Jobs));
            if (response.NextPageToken.Length > 0)
            {
                run.Stderr.WriteLine($"note: showing the newest {response.Jobs.Count}; more jobs match: raise --limit or add --all-pages");
            }

            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    /// <summary>
    /// Up to <paramref name="max"/> jobs merged into one response, so -o json stays a single document. Its page
    /// token, when more match, continues right after the last job listed.
    /// </summary>
    private static async Task<ListJobsResponse> ListAsync(IPlacementApi api, ListJobsRequest first, int max, CancellationToken cancellationToken)
    {
        var merged = new ListJobsResponse();
        var seenTokens = new HashSet<string>(StringComparer.Ordinal);
        var request = first;
        while (true)
        {
            request.PageSize = Math.Min(max - merged.Jobs.Count, MaxPageSize);
            var page = await api.ListJobsAsync(request, cancellationToken);
            merged.Jobs.AddRange(page.Jobs.Take(max - merged.Jobs.Count));
            merged.NextPageToken = page.NextPageToken;

            // A token seen before would loop forever; stop rather than trust a misbehaving server.
            if (page.NextPageToken.Length == 0 || merged.Jobs.Count >= max || !seenTokens.Add(page.NextPageToken))
            {
                return merged;
            }

            request = first.Clone();
            request.PageToken = page.NextPageToken;
        }
    }
}
