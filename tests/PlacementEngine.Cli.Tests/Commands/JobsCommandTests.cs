using PlacementEngine.Cli.Errors;
using PlacementEngine.Cli.JobFiles;
using PlacementEngine.Cli.Tests.Fakes;
using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Cli.Tests.Commands;

public sealed class JobsCommandTests : IDisposable
{
    private readonly Placectl _placectl = new();
    private readonly string _jobFile = Path.Combine(Path.GetTempPath(), $"placectl-test-{Guid.NewGuid():N}.yaml");

    public void Dispose() => File.Delete(_jobFile);

    [Fact]
    public async Task Submit_ValidFile_SendsSpecWithSpecHashKeyAndPrintsJob()
    {
        File.WriteAllText(_jobFile, "name: train\nimage: img\nworker: {gpus: 1, gpuModels: [T4]}\n");
        _placectl.Api.OnSubmit = request => new SubmitJobResponse { Job = new Job { Id = "job-1", State = JobState.Pending, Spec = request.Spec } };

        var result = await _placectl.RunAsync("jobs", "submit", "-f", _jobFile);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        var request = Assert.IsType<SubmitJobRequest>(Assert.Single(_placectl.Api.Requests));
        Assert.Equal("train", request.Spec.Name);
        Assert.Equal(IdempotencyKeys.ForSpec(request.Spec), request.IdempotencyKey);
        Assert.Equal("job job-1 submitted; state Pending\n", result.Stdout);
    }

    [Fact]
    public async Task Submit_SameFileTwice_SendsSameIdempotencyKey()
    {
        File.WriteAllText(_jobFile, "name: train\nimage: img\n");
        _placectl.Api.OnSubmit = _ => new SubmitJobResponse { Job = new Job { Id = "job-1" } };

        await _placectl.RunAsync("jobs", "submit", "-f", _jobFile);
        await _placectl.RunAsync("jobs", "submit", "-f", _jobFile);

        var keys = _placectl.Api.Requests.Cast<SubmitJobRequest>().Select(r => r.IdempotencyKey).ToList();
        Assert.Equal(keys[0], keys[1]);
    }

    [Fact]
    public async Task Submit_ExplicitIdempotencyKey_IsSentAsGiven()
    {
        File.WriteAllText(_jobFile, "name: train\nimage: img\n");
        _placectl.Api.OnSubmit = _ => new SubmitJobResponse { Job = new Job { Id = "job-1" } };

        await _placectl.RunAsync("jobs", "submit", "-f", _jobFile, "--idempotency-key", "ci-run-42");

        Assert.Equal("ci-run-42", Assert.IsType<SubmitJobRequest>(Assert.Single(_placectl.Api.Requests)).IdempotencyKey);
    }

    [Fact]
    public async Task Submit_BadFile_ExitsWithJobFileCodeNamingFileLineAndField()
    {
        File.WriteAllText(_jobFile, "name: train\nworker:\n  gpus: eight\n");

        var result = await _placectl.RunAsync("jobs", "submit", "-f", _jobFile);

        Assert.Equal(ExitCodes.InvalidJobFile, result.ExitCode);
        Assert.Equal($"error: {_jobFile}:3:9: worker.gpus: expected an integer, got 'eight'\n", result.Stderr);
        Assert.Empty(_placectl.Api.Requests);
    }

    [Fact]
    public async Task Submit_WithoutFile_IsUsageError()
    {
        var result = await _placectl.RunAsync("jobs", "submit");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--file", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_PlacedJob_PrintsDetails()
    {
        _placectl.Api.OnGet = request => Samples.RunningJob(request.Id);

        var result = await _placectl.RunAsync("jobs", "get", "job-7f3a");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Equal("job-7f3a", Assert.IsType<GetJobRequest>(Assert.Single(_placectl.Api.Requests)).Id);
        Assert.Contains("Placement:        gke-ew4/a100-spot", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_StateFilter_SendsEachStateOnce()
    {
        await _placectl.RunAsync("jobs", "list", "--state", "pending,Running", "--state", "pending");

        var request = Assert.IsType<ListJobsRequest>(Assert.Single(_placectl.Api.Requests));
        Assert.Equal([JobState.Pending, JobState.Running], request.States);
    }

    [Fact]
    public async Task List_UnknownState_IsUsageErrorListingValidStates()
    {
        var result = await _placectl.RunAsync("jobs", "list", "--state", "queued");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("Unknown job state 'queued'. Valid states: pending, placed,", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_AllPages_FollowsTokensAndMergesJobs()
    {
        _placectl.Api.OnList = request => request.PageToken switch
        {
            "" => Page("t2", "job-1", "job-2"),
            "t2" => Page("t3", "job-3"),
            _ => Page("", "job-4"),
        };

        var result = await _placectl.RunAsync("jobs", "list", "--all-pages", "--state", "running", "-o", "json");

        var merged = Google.Protobuf.JsonParser.Default.Parse<ListJobsResponse>(result.Stdout);
        Assert.Equal(["job-1", "job-2", "job-3", "job-4"], merged.Jobs.Select(j => j.Id));
        Assert.All(_placectl.Api.Requests.Cast<ListJobsRequest>(), r => Assert.Equal([JobState.Running], r.States));
        Assert.Empty(result.Stderr);
    }

    [Fact]
    public async Task List_MoreJobsThanTheLimit_ListsTheNewestAndHintsOnStderrOnly()
    {
        _placectl.Api.OnList = request => Page("t2", [.. Enumerable.Range(1, request.PageSize).Select(i => $"job-{i}")]);

        var result = await _placectl.RunAsync("jobs", "list", "--limit", "2");

        var request = Assert.IsType<ListJobsRequest>(Assert.Single(_placectl.Api.Requests));
        Assert.Equal((2, true), (request.PageSize, request.NewestFirst));
        Assert.StartsWith("ID ", result.Stdout, StringComparison.Ordinal);
        Assert.Equal("note: showing the newest 2; more jobs match: raise --limit or add --all-pages\n", result.Stderr);
    }

    [Fact]
    public async Task Cancel_WithReason_SendsReason()
    {
        _placectl.Api.OnCancel = request => new Job { Id = request.Id, State = JobState.Cancelled, StateReason = request.Reason };

        var result = await _placectl.RunAsync("jobs", "cancel", "job-1", "--reason", "superseded");

        Assert.Equal("superseded", Assert.IsType<CancelJobRequest>(Assert.Single(_placectl.Api.Requests)).Reason);
        Assert.Equal("job job-1: Cancelled (superseded)\n", result.Stdout);
    }

    [Fact]
    public async Task Watch_JobSucceeds_PrintsEachTransitionAndExitsZero()
    {
        _placectl.Api.WatchEvents = WatchSequence(JobState.Succeeded);

        var result = await _placectl.RunAsync("jobs", "watch", "job-1");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Equal(
            "job job-1: Pending\n" +
            "2026-11-21 09:00:00Z  Pending -> Running  started\n" +
            "2026-11-21 09:00:00Z  Running -> Succeeded  done\n",
            result.Stdout);
    }

    [Theory]
    [InlineData(JobState.Failed)]
    [InlineData(JobState.Cancelled)]
    public async Task Watch_JobEndsUnsuccessfully_ExitsWithJobUnsuccessful(JobState final)
    {
        _placectl.Api.WatchEvents = WatchSequence(final);

        var result = await _placectl.RunAsync("jobs", "watch", "job-1");

        Assert.Equal(ExitCodes.JobUnsuccessful, result.ExitCode);
    }

    [Fact]
    public async Task Watch_StreamEndsBeforeJobFinishes_FailsWithMessage()
    {
        _placectl.Api.WatchEvents = [.. WatchSequence(JobState.Succeeded).Take(2)];

        var result = await _placectl.RunAsync("jobs", "watch", "job-1");

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains("before the job finished (last state Running)", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_AlreadyFinishedJob_ExitsAfterSnapshot()
    {
        _placectl.Api.WatchEvents = [new JobEvent { Job = new Job { Id = "job-1", State = JobState.Succeeded } }];

        var result = await _placectl.RunAsync("jobs", "watch", "job-1", "-o", "json");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Equal("{ \"job\": { \"id\": \"job-1\", \"state\": \"JOB_STATE_SUCCEEDED\" } }\n", result.Stdout);
    }

    [Fact]
    public async Task Explain_PlacedJob_PrintsTableWithChosenRowMarked()
    {
        _placectl.Api.OnExplain = _ => Samples.PlacedExplanation();

        var result = await _placectl.RunAsync("jobs", "explain", "job-7f3a");

        var lines = result.Stdout.Split('\n');
        var header = Array.FindIndex(lines, line => line.Contains("POOL", StringComparison.Ordinal));
        Assert.StartsWith("*   gke-ew4/a100-spot", lines[header + 1], StringComparison.Ordinal);
        Assert.Contains("What would fit:", result.Stdout, StringComparison.Ordinal);
    }

    private static ListJobsResponse Page(string nextToken, params string[] ids)
    {
        var page = new ListJobsResponse { NextPageToken = nextToken };
        page.Jobs.AddRange(ids.Select(id => new Job { Id = id, State = JobState.Running }));
        return page;
    }

    private static JobEvent[] WatchSequence(JobState final)
    {
        JobEvent Step(JobState from, JobState to, string reason) => new()
        {
            Job = new Job { Id = "job-1", State = to },
            Transition = new StateTransition { From = from, To = to, Reason = reason, At = Samples.Created },
        };

        return
        [
            new JobEvent { Job = new Job { Id = "job-1", State = JobState.Pending } },
            Step(JobState.Pending, JobState.Running, "started"),
            Step(JobState.Running, final, "done"),
        ];
    }
}
