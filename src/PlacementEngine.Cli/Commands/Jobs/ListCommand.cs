using System.CommandLine;
using PlacementEngine.Cli.Api;
using PlacementEngine.Cli.Errors;
using PlacementEngine.Cli.Output.Views;
using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Cli.Commands.Jobs;

/// <summary>"placectl jobs list [--state pending,running] [--all-pages]".</summary>
internal static class ListCommand
{
    public static Command Create(CliContext context)
    {
        var states = new Option<JobState[]>("--state")
        {
            Description = $"Only jobs in these states, comma-separated ({JobStateNames.Choices})",
            HelpName = "STATES",
            CustomParser = JobStateNames.Parse,
        };
        var allPages = new Option<bool>("--all-pages")
        {
            Description = "Follow page tokens and print every matching job, not just the first page",
        };

        var command = new Command("list", "List jobs: the first page, or every page with --all-pages") { states, allPages };
        command.SetAction((result, cancellationToken) => context.RunAsync(result, async (run, ct) =>
        {
            var request = new ListJobsRequest();
            request.States.AddRange(result.GetValue(states) ?? []);
            var response = result.GetValue(allPages)
                ? await ListAllPagesAsync(run.Api, request, ct)
                : await run.Api.ListJobsAsync(request, ct);

            run.Output.Write(response, () => JobListView.Build(response.Jobs));
            if (response.NextPageToken.Length > 0)
            {
                run.Stderr.WriteLine("note: more jobs match; add --all-pages to list them all");
            }

            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    /// <summary>All pages merged into one response, so -o json stays a single document.</summary>
    private static async Task<ListJobsResponse> ListAllPagesAsync(IPlacementApi api, ListJobsRequest first, CancellationToken cancellationToken)
    {
        var merged = new ListJobsResponse();
        var seenTokens = new HashSet<string>(StringComparer.Ordinal);
        var request = first;
        while (true)
        {
            var page = await api.ListJobsAsync(request, cancellationToken);
            merged.Jobs.AddRange(page.Jobs);

            // A token seen before would loop forever; stop rather than trust a misbehaving server.
            if (page.NextPageToken.Length == 0 || !seenTokens.Add(page.NextPageToken))
            {
                return merged;
            }

            request = first.Clone();
            request.PageToken = page.NextPageToken;
        }
    }
}
