using PlacementEngine.Cli.Commands.Jobs;
using PlacementEngine.Cli.Errors;
using PlacementEngine.Cli.Tests.Fakes;
using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Cli.Tests.Commands;

/// <summary>"jobs list" newest first with a limit and server-side filters; "jobs watch" printing the history first.</summary>
public sealed class JobsListAndWatchTests
{
    private readonly Placectl _placectl = new();

    [Fact]
    public async Task List_NoOptions_AsksTheServerForTheNewestDefaultLimitAndSaysTheDefaultInHelp()
    {
        await _placectl.RunAsync("jobs", "list");
        var help = await _placectl.RunAsync("jobs", "list", "--help");

        var request = Assert.IsType<ListJobsRequest>(Assert.Single(_placectl.Api.Requests));
        Assert.Equal((ListCommand.DefaultLimit, true, "", 0), (request.PageSize, request.NewestFirst, request.NameContains, request.States.Count));
        Assert.Contains($"(default {ListCommand.DefaultLimit})", help.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_NameAndStates_AreFilteredOnTheServer()
    {
        await _placectl.RunAsync("jobs", "list", "--name", "nightly", "--state", "failed,cancelled");

        var request = Assert.IsType<ListJobsRequest>(Assert.Single(_placectl.Api.Requests));
        Assert.Equal("nightly", request.NameContains);
        Assert.Equal([JobState.Failed, JobState.Cancelled], request.States);
    }

    [Fact]
    public async Task List_LimitAboveOnePage_FollowsTokensUntilTheLimit()
    {
        var served = 0;
        _placectl.Api.OnList = request =>
        {
            var page = new ListJobsResponse { NextPageToken = $"after-{served + request.PageSize}" };
            page.Jobs.AddRange(Enumerable.Range(served, request.PageSize).Select(i => new Job { Id = $"job-{i}" }));
            served += request.PageSize;
            return page;
        };

        var result = await _placectl.RunAsync("jobs", "list", "--limit", "1500", "-o", "json");

        Assert.Equal([1000, 500], _placectl.Api.Requests.Cast<ListJobsRequest>().Select(r => r.PageSize));
        Assert.Equal(1500, Google.Protobuf.JsonParser.Default.Parse<ListJobsResponse>(result.Stdout).Jobs.Count);
        Assert.Contains("more jobs match", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--limit", "0", "--limit must be at least 1")]
    [InlineData("--all-pages", "--limit=5", "--limit and --all-pages cannot be used together")]
    public async Task List_BadLimit_IsUsageError(string first, string second, string message)
    {
        var result = await _placectl.RunAsync("jobs", "list", first, second);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
        Assert.Empty(_placectl.Api.Requests);
    }

    [Fact]
    public async Task Watch_SnapshotWithHistory_PrintsTheHistoryThenEachNewTransitionOnce()
    {
        var snapshot = new Job { Id = "job-1", State = JobState.Placed };
        snapshot.Transitions.Add(Samples.Submitted());
        snapshot.Transitions.Add(Step(JobState.Pending, JobState.Placed, "placed on p1 (1 nodes)"));
        _placectl.Api.WatchEvents =
        [
            new JobEvent { Job = snapshot },
            Event(JobState.Placed, JobState.Running, "pods running"),
            Event(JobState.Running, JobState.Succeeded, "done"),
        ];

        var result = await _placectl.RunAsync("jobs", "watch", "job-1");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Equal(
            "job job-1: Placed\n" +
            "2026-11-21 09:00:00Z  submitted\n" +
            "2026-11-21 09:00:00Z  Pending -> Placed  placed on p1 (1 nodes)\n" +
            "2026-11-21 09:00:00Z  Placed -> Running  pods running\n" +
            "2026-11-21 09:00:00Z  Running -> Succeeded  done\n",
            result.Stdout);
    }

    [Fact]
    public async Task Watch_JobAlreadyCancelled_PrintsItsHistoryAndExitsWithoutWaiting()
    {
        var snapshot = new Job { Id = "job-1", State = JobState.Cancelled, StateReason = "cancelled by the user" };
        snapshot.Transitions.Add(Samples.Submitted());
        snapshot.Transitions.Add(Step(JobState.Pending, JobState.Cancelled, "cancelled by the user"));
        _placectl.Api.WatchEvents = [new JobEvent { Job = snapshot }];

        var result = await _placectl.RunAsync("jobs", "watch", "job-1");

        Assert.Equal(ExitCodes.JobUnsuccessful, result.ExitCode);
        Assert.EndsWith("  submitted\n2026-11-21 09:00:00Z  Pending -> Cancelled  cancelled by the user\n", result.Stdout, StringComparison.Ordinal);
    }

    private static StateTransition Step(JobState from, JobState to, string reason) =>
        new() { From = from, To = to, Reason = reason, At = Samples.Created };

    private static JobEvent Event(JobState from, JobState to, string reason) =>
        new() { Job = new Job { Id = "job-1", State = to }, Transition = Step(from, to, reason) };
}
