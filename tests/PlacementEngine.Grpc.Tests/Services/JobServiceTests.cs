using Grpc.Core;
using PlacementEngine.Core;
using PlacementEngine.Grpc.Tests.Support;
using V1 = PlacementEngine.Contracts.V1;
using static PlacementEngine.Grpc.Tests.Support.PlacementApiHarness;

namespace PlacementEngine.Grpc.Tests.Services;

/// <summary>JobService over the real scheduling facade and an in-memory store: authorisation, statuses and mapping.</summary>
public sealed class JobServiceTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private readonly PlacementApiHarness _api = new();

    public void Dispose() => _api.Dispose();

    private static async Task<RpcException> ThrowsRpc(Func<Task> call) => await Assert.ThrowsAsync<RpcException>(call);

    [Fact]
    public async Task SubmitJob_NoTeamInSpec_CreatedForTheCallersTeam()
    {
        var response = await _api.JobService.SubmitJob(new V1.SubmitJobRequest { Spec = Spec("train-1"), IdempotencyKey = "k1" }, ContextFor(MlResearch));

        Assert.False(response.AlreadyExisted);
        Assert.Equal("ml-research", response.Job.Team);
        Assert.Equal("ml-research", response.Job.Spec.Team);
        Assert.Equal(V1.JobState.Pending, response.Job.State);
        Assert.Equal("k1", response.Job.IdempotencyKey);
        Assert.Null(response.Job.Placement);
    }

    [Fact]
    public async Task SubmitJob_SubmitterNamesAnotherTeam_PermissionDenied()
    {
        var spec = Spec();
        spec.Team = "vision";

        var ex = await ThrowsRpc(() => _api.JobService.SubmitJob(new V1.SubmitJobRequest { Spec = spec }, ContextFor(MlResearch)));

        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        Assert.StartsWith("spec.team: team ml-research may not submit jobs for team vision", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitJob_SubmitterNamesOwnTeam_Created()
    {
        var spec = Spec();
        spec.Team = "ml-research";

        var job = await _api.SubmitAsync(MlResearch, spec);

        Assert.Equal("ml-research", job.Team);
    }

    [Fact]
    public async Task SubmitJob_AdminForAnotherTeam_CreatedForThatTeam()
    {
        var spec = Spec();
        spec.Team = "vision";

        var job = await _api.SubmitAsync(Admin, spec);

        Assert.Equal("vision", job.Team);
    }

    [Fact]
    public async Task SubmitJob_InvalidSpec_InvalidArgumentNamingEveryBadField()
    {
        var spec = Spec();
        spec.Worker.Gpus = -1;
        spec.Container.Image = "";
        spec.Residency = new V1.Residency { Jurisdictions = { "Atlantis" } };

        var ex = await ThrowsRpc(() => _api.JobService.SubmitJob(new V1.SubmitJobRequest { Spec = spec }, ContextFor(MlResearch)));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains("spec.worker.gpus: -1 is out of range", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("spec.container.image: image is required", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("spec.residency.jurisdictions: unknown jurisdiction 'Atlantis'", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Empty((await _api.Store.ListAsync(new(null, [], 100, ""), default)).Jobs);
    }

    public static TheoryData<string, Action<V1.JobSpec>, string> HostileSpecs() => new()
    {
        { "1e308 GiB", s => s.Worker.MemoryGib = 1e308, "spec.worker.memory_gib: " },
        { "checkpoint 2^63-1", s => s.CheckpointIntervalSeconds = long.MaxValue, "spec.checkpoint_interval_seconds: " },
        { "shell in image", s => s.Container.Image = "busybox; rm -rf / $(id)", "spec.container.image: " },
        { "label key with spaces", s => s.Labels["key with spaces"] = "x", "spec.labels: " },
        { "env name", s => s.Container.Env["1BAD=KEY"] = new string('v', 1 << 20), "spec.container.env: " },
        { "100,000 args", s => s.Container.Args.AddRange(Enumerable.Repeat("x", 100_000)), "spec.container.args: " },
        { "denormal vCPUs", s => s.Worker.Vcpus = 5e-324, "spec.worker.vcpus: " },
        { "deadline in 1970", s => s.Deadline = new Google.Protobuf.WellKnownTypes.Timestamp { Seconds = 1 }, "spec.deadline: " },
        { "bidi override in args", s => s.Container.Args.Add("a\u202Eb"), "spec.container.args[0]: " },
    };

    [Theory]
    [MemberData(nameof(HostileSpecs))]
    public async Task SubmitJob_HostileValue_InvalidArgumentNamingTheFieldAndNothingStored(string scenario, Action<V1.JobSpec> breakIt, string prefix)
    {
        var spec = Spec();
        breakIt(spec);

        var ex = await ThrowsRpc(() => _api.JobService.SubmitJob(new V1.SubmitJobRequest { Spec = spec }, ContextFor(MlResearch)));

        Assert.True(ex.StatusCode == StatusCode.InvalidArgument, $"{scenario}: {ex.Status}");
        Assert.StartsWith(prefix, ex.Status.Detail, StringComparison.Ordinal);
        Assert.InRange(ex.Status.Detail.Length, 1, 1000);
        Assert.Empty((await _api.Store.ListAsync(new(null, [], 100, ""), default)).Jobs);
    }

    [Theory]
    [InlineData("nul\0key")]
    [InlineData("line\nbreak")]
    public async Task SubmitJob_IdempotencyKeyWithControlCharacter_InvalidArgumentNamingTheKey(string key)
    {
        var ex = await ThrowsRpc(() => _api.JobService.SubmitJob(new V1.SubmitJobRequest { Spec = Spec(), IdempotencyKey = key }, ContextFor(MlResearch)));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.StartsWith("idempotency_key: ", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitJob_MegabyteIdempotencyKey_InvalidArgumentWithoutEchoingIt()
    {
        var ex = await ThrowsRpc(() => _api.JobService.SubmitJob(new V1.SubmitJobRequest { Spec = Spec(), IdempotencyKey = new string('k', 1 << 20) }, ContextFor(MlResearch)));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal($"idempotency_key: is {1 << 20} characters; at most {JobSpecLimits.MaxIdempotencyKeyLength}", ex.Status.Detail);
    }

    [Fact]
    public async Task SubmitJob_NoSpec_InvalidArgument()
    {
        var ex = await ThrowsRpc(() => _api.JobService.SubmitJob(new V1.SubmitJobRequest(), ContextFor(MlResearch)));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.StartsWith("spec:", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitJob_SameKeySameSpec_ReturnsTheSameJobMarkedAlreadyExisted()
    {
        var first = await _api.SubmitAsync(MlResearch, Spec(), key: "retry-me");

        var again = await _api.JobService.SubmitJob(new V1.SubmitJobRequest { Spec = Spec(), IdempotencyKey = "retry-me" }, ContextFor(MlResearch));

        Assert.True(again.AlreadyExisted);
        Assert.Equal(first.Id, again.Job.Id);
    }

    [Fact]
    public async Task SubmitJob_SameKeyOtherSpec_AlreadyExistsNamingTheKey()
    {
        await _api.SubmitAsync(MlResearch, Spec(), key: "reused");
        var other = Spec();
        other.Workers = 2;

        var ex = await ThrowsRpc(() => _api.JobService.SubmitJob(new V1.SubmitJobRequest { Spec = other, IdempotencyKey = "reused" }, ContextFor(MlResearch)));

        Assert.Equal(StatusCode.AlreadyExists, ex.StatusCode);
        Assert.Contains("'reused'", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitJob_EmptyKey_ServerGeneratesOneAndDoesNotDeduplicate()
    {
        var first = await _api.SubmitAsync(MlResearch);
        var second = await _api.SubmitAsync(MlResearch);

        Assert.NotEqual(first.Id, second.Id);
        Assert.NotEmpty(first.IdempotencyKey);
        Assert.NotEqual(first.IdempotencyKey, second.IdempotencyKey);
    }

    [Fact]
    public async Task GetJob_OwnJob_ReturnsItWithTransitions()
    {
        var submitted = await _api.SubmitAsync(MlResearch);
        await _api.AdvanceAsync(submitted.Id, "gcp-eu/a2-highgpu-1g/spot", JobState.Dispatched);

        var job = await _api.JobService.GetJob(new V1.GetJobRequest { Id = submitted.Id }, ContextFor(MlResearch));

        Assert.Equal(V1.JobState.Dispatched, job.State);
        Assert.Equal(
            [(V1.JobState.Unspecified, V1.JobState.Pending), (V1.JobState.Pending, V1.JobState.Placed), (V1.JobState.Placed, V1.JobState.Dispatched)],
            job.Transitions.Select(t => (t.From, t.To)));
    }

    [Fact]
    public async Task GetJob_AnotherTeamsJob_NotFoundExactlyAsAnUnknownId()
    {
        var job = await _api.SubmitAsync(MlResearch);

        var ex = await ThrowsRpc(() => _api.JobService.GetJob(new V1.GetJobRequest { Id = job.Id }, ContextFor(Vision)));

        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
        Assert.Equal($"job {job.Id} not found", ex.Status.Detail);
    }

    [Fact]
    public async Task ExplainJob_AnotherTeamsJob_NotFound()
    {
        var job = await _api.SubmitAsync(MlResearch);

        var ex = await ThrowsRpc(() => _api.JobService.ExplainJob(new V1.ExplainJobRequest { Id = job.Id }, ContextFor(Vision)));

        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
        Assert.Equal($"job {job.Id} not found", ex.Status.Detail);
    }

    [Fact]
    public async Task GetJob_AdminAndAnotherTeamsJob_ReturnsIt()
    {
        var job = await _api.SubmitAsync(MlResearch);

        var seen = await _api.JobService.GetJob(new V1.GetJobRequest { Id = job.Id }, ContextFor(Admin));

        Assert.Equal(job.Id, seen.Id);
    }

    [Fact]
    public async Task GetJob_UnknownId_NotFound()
    {
        var ex = await ThrowsRpc(() => _api.JobService.GetJob(new V1.GetJobRequest { Id = "0000000000000000" }, ContextFor(MlResearch)));

        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
        Assert.Equal("job 0000000000000000 not found", ex.Status.Detail);
    }

    [Fact]
    public async Task GetJob_HugeIdWithControlCharacters_NotFoundQuotingABoundedEscapedPrefix()
    {
        var id = "\u001b[31m" + new string('x', 100_000);

        var ex = await ThrowsRpc(() => _api.JobService.GetJob(new V1.GetJobRequest { Id = id }, ContextFor(MlResearch)));

        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
        Assert.StartsWith("job \\u001B[31mxxx", ex.Status.Detail, StringComparison.Ordinal);
        Assert.EndsWith($"… ({id.Length} characters) not found", ex.Status.Detail, StringComparison.Ordinal);
        Assert.True(ex.Status.Detail.Length < 200, ex.Status.Detail.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task GetJob_EmptyId_InvalidArgument()
    {
        var ex = await ThrowsRpc(() => _api.JobService.GetJob(new V1.GetJobRequest(), ContextFor(MlResearch)));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.StartsWith("id:", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListJobs_Submitter_SeesOnlyOwnTeam()
    {
        var own = await _api.SubmitAsync(MlResearch);
        await _api.SubmitAsync(Vision);

        var page = await _api.JobService.ListJobs(new V1.ListJobsRequest(), ContextFor(MlResearch));

        Assert.Equal([own.Id], page.Jobs.Select(j => j.Id));
    }

    [Fact]
    public async Task ListJobs_Admin_SeesEveryTeam()
    {
        await _api.SubmitAsync(MlResearch);
        await _api.SubmitAsync(Vision);

        var page = await _api.JobService.ListJobs(new V1.ListJobsRequest(), ContextFor(Admin));

        Assert.Equal(["ml-research", "vision"], page.Jobs.Select(j => j.Team).Order());
    }

    [Fact]
    public async Task ListJobs_StateFilterAndPages_ReturnsMatchingJobsPageByPage()
    {
        var a = await _api.SubmitAsync(MlResearch);
        var b = await _api.SubmitAsync(MlResearch);
        var c = await _api.SubmitAsync(MlResearch);
        await _api.AdvanceAsync(b.Id, "gcp-eu/a2-highgpu-1g/spot");

        var first = await _api.JobService.ListJobs(new V1.ListJobsRequest { States = { V1.JobState.Pending }, PageSize = 1 }, ContextFor(MlResearch));
        var second = await _api.JobService.ListJobs(new V1.ListJobsRequest { States = { V1.JobState.Pending }, PageSize = 1, PageToken = first.NextPageToken }, ContextFor(MlResearch));

        Assert.Equal(new[] { a.Id, c.Id }.Order(StringComparer.Ordinal), first.Jobs.Concat(second.Jobs).Select(j => j.Id).Order(StringComparer.Ordinal));
        Assert.Equal("", second.NextPageToken);
    }

    [Theory]
    [InlineData(1001, "page_size: 1001 is above the maximum of 1000")]
    [InlineData(-5, "page_size: -5 is negative; leave it 0 for 100")]
    public async Task ListJobs_PageSizeOutOfRange_InvalidArgument(int pageSize, string detail)
    {
        var ex = await ThrowsRpc(() => _api.JobService.ListJobs(new V1.ListJobsRequest { PageSize = pageSize }, ContextFor(MlResearch)));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal(detail, ex.Status.Detail);
    }

    [Fact]
    public async Task ListJobs_UnspecifiedState_InvalidArgumentNamingTheEntry()
    {
        var request = new V1.ListJobsRequest { States = { V1.JobState.Running, V1.JobState.Unspecified } };

        var ex = await ThrowsRpc(() => _api.JobService.ListJobs(request, ContextFor(MlResearch)));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.StartsWith("states[1]:", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListJobs_ForeignPageToken_InvalidArgument()
    {
        var ex = await ThrowsRpc(() => _api.JobService.ListJobs(new V1.ListJobsRequest { PageToken = "not-a-token" }, ContextFor(MlResearch)));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.StartsWith("page_token:", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CancelJob_PendingJob_CancelledWithTheReason()
    {
        var job = await _api.SubmitAsync(MlResearch);

        var cancelled = await _api.JobService.CancelJob(new V1.CancelJobRequest { Id = job.Id, Reason = "wrong data" }, ContextFor(MlResearch));

        Assert.Equal(V1.JobState.Cancelled, cancelled.State);
        Assert.Equal("cancelled: wrong data", cancelled.StateReason);
        Assert.Contains(cancelled.Transitions, t => t.To == V1.JobState.Cancelled);
    }

    [Fact]
    public async Task CancelJob_FinishedJob_FailedPrecondition()
    {
        var job = await _api.SubmitAsync(MlResearch);
        await _api.AdvanceAsync(job.Id, "gcp-eu/a2-highgpu-1g/spot", JobState.Dispatched, JobState.Running, JobState.Succeeded);

        var ex = await ThrowsRpc(() => _api.JobService.CancelJob(new V1.CancelJobRequest { Id = job.Id }, ContextFor(MlResearch)));

        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        Assert.Equal($"job {job.Id} has already ended (Succeeded); only unfinished jobs can be cancelled", ex.Status.Detail);
    }

    [Fact]
    public async Task CancelJob_AnotherTeamsJob_NotFoundAndStillPending()
    {
        var job = await _api.SubmitAsync(MlResearch);

        var ex = await ThrowsRpc(() => _api.JobService.CancelJob(new V1.CancelJobRequest { Id = job.Id }, ContextFor(Vision)));

        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
        Assert.Equal(JobState.Pending, (await _api.Store.GetAsync(new JobId(job.Id), default))!.State);
    }

    [Fact]
    public async Task WatchJob_JobIsCancelled_StreamsSnapshotThenTheTransitionAndEnds()
    {
        var job = await _api.SubmitAsync(MlResearch);
        var writer = new RecordingStreamWriter<V1.JobEvent>();

        var watch = _api.JobService.WatchJob(new V1.WatchJobRequest { Id = job.Id }, writer, ContextFor(MlResearch));
        var snapshot = await writer.NextAsync(CancellationToken.None).AsTask().WaitAsync(Bound);
        await _api.Jobs.CancelAsync(new JobId(job.Id), "done", default);
        await watch.WaitAsync(Bound);

        Assert.Equal(V1.JobState.Pending, snapshot.Job.State);
        Assert.Null(snapshot.Transition);
        var last = writer.Messages[^1];
        Assert.Equal(V1.JobState.Cancelled, last.Job.State);
        Assert.Equal((V1.JobState.Pending, V1.JobState.Cancelled), (last.Transition.From, last.Transition.To));
    }

    [Fact]
    public async Task WatchJob_AnotherTeamsJob_NotFoundBeforeAnyMessage()
    {
        var job = await _api.SubmitAsync(MlResearch);
        var writer = new RecordingStreamWriter<V1.JobEvent>();

        var ex = await ThrowsRpc(() => _api.JobService.WatchJob(new V1.WatchJobRequest { Id = job.Id }, writer, ContextFor(Vision)));

        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
        Assert.Empty(writer.Messages);
    }

    [Fact]
    public async Task ExplainJob_EuOnlyJobPlaced_ChosenMarkedOnceAndUsPoolsRejectedForResidency()
    {
        var spec = Spec();
        spec.Residency = new V1.Residency { Jurisdictions = { "EU" } };
        var job = await _api.SubmitAsync(MlResearch, spec);
        await _api.AdvanceAsync(job.Id, "gcp-eu/a2-highgpu-1g/spot");

        var explanation = await _api.JobService.ExplainJob(new V1.ExplainJobRequest { Id = job.Id }, ContextFor(MlResearch));

        Assert.Equal(job.Id, explanation.JobId);
        Assert.Equal(V1.JobState.Placed, explanation.State);
        Assert.Equal("gcp-eu/a2-highgpu-1g/spot", explanation.Chosen.Pool);
        Assert.True(explanation.Chosen.Chosen);
        Assert.Single(explanation.Candidates, c => c.Chosen);
        var us = Assert.Single(explanation.Candidates, c => c.Cluster == "aws-us");
        Assert.Equal(("residency", false), (us.Reason, us.Eligible));
        var totals = explanation.Candidates.Select(c => decimal.Parse(c.Cost.Total, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(totals.Order(), totals);
        Assert.Empty(explanation.PendingReasons);
    }

    [Fact]
    public async Task ExplainJob_NothingFits_PendingReasonsCountRejections()
    {
        var spec = Spec();
        spec.Residency = new V1.Residency { Jurisdictions = { "JP" } };
        var job = await _api.SubmitAsync(MlResearch, spec);

        var explanation = await _api.JobService.ExplainJob(new V1.ExplainJobRequest { Id = job.Id }, ContextFor(MlResearch));

        Assert.Null(explanation.Chosen);
        Assert.All(explanation.Candidates, c => Assert.Equal("residency", c.Reason));
        Assert.StartsWith("residency: 3 of 3 pools (e.g. ", Assert.Single(explanation.PendingReasons), StringComparison.Ordinal);
        Assert.StartsWith("pending (residency)", explanation.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExplainJob_UnknownJob_NotFound()
    {
        var ex = await ThrowsRpc(() => _api.JobService.ExplainJob(new V1.ExplainJobRequest { Id = "feedfacefeedface" }, ContextFor(Admin)));

        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
    }
}
