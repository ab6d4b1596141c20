using Grpc.Core;
using PlacementEngine.Core;
using PlacementEngine.Grpc.Tests.Support;
using V1 = PlacementEngine.Contracts.V1;
using static PlacementEngine.Grpc.Tests.Support.PlacementApiHarness;

namespace PlacementEngine.Grpc.Tests.Services;

/// <summary>A job's history as GetJob and WatchJob show it, and ListJobs' order and name filter.</summary>
public sealed class JobServiceHistoryAndListingTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private readonly PlacementApiHarness _api = new();

    public void Dispose() => _api.Dispose();

    [Fact]
    public async Task GetJob_NewJob_FirstEntryIsTheSubmissionWithNoStateBefore()
    {
        var submitted = await _api.SubmitAsync(MlResearch);

        var job = await _api.JobService.GetJob(new V1.GetJobRequest { Id = submitted.Id }, ContextFor(MlResearch));

        var first = Assert.Single(job.Transitions);
        Assert.Equal((V1.JobState.Unspecified, V1.JobState.Pending, "submitted"), (first.From, first.To, first.Reason));
    }

    [Fact]
    public async Task WatchJob_Snapshot_CarriesTheHistorySoFar()
    {
        var job = await _api.SubmitAsync(MlResearch);
        await _api.AdvanceAsync(job.Id, "gcp-eu/a2-highgpu-1g/spot", JobState.Dispatched, JobState.Running, JobState.Succeeded);
        var writer = new RecordingStreamWriter<V1.JobEvent>();

        await _api.JobService.WatchJob(new V1.WatchJobRequest { Id = job.Id }, writer, ContextFor(MlResearch)).WaitAsync(Bound);

        var snapshot = Assert.Single(writer.Messages);
        Assert.Null(snapshot.Transition);
        Assert.Equal(
            [V1.JobState.Pending, V1.JobState.Placed, V1.JobState.Dispatched, V1.JobState.Running, V1.JobState.Succeeded],
            snapshot.Job.Transitions.Select(t => t.To));
    }

    [Fact]
    public async Task ListJobs_NewestFirstWithName_ReturnsMatchingJobsNewestFirst()
    {
        var older = await SubmitAtAsync("nightly-etl-1");
        await SubmitAtAsync("train-1");
        var newer = await SubmitAtAsync("nightly-etl-2");

        var page = await _api.JobService.ListJobs(new V1.ListJobsRequest { NameContains = "Nightly", NewestFirst = true }, ContextFor(MlResearch));

        Assert.Equal([newer.Id, older.Id], page.Jobs.Select(j => j.Id));
    }

    [Theory]
    [InlineData("nightly etl")]
    [InlineData("nightly_etl")]
    public async Task ListJobs_NameNoJobCanContain_InvalidArgumentNamingTheField(string name)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => _api.JobService.ListJobs(new V1.ListJobsRequest { NameContains = name }, ContextFor(MlResearch)));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.StartsWith($"name_contains: '{name}' matches no job name", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListJobs_NameLongerThanAnyJobName_InvalidArgumentQuotingItBounded()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => _api.JobService.ListJobs(new V1.ListJobsRequest { NameContains = new string('a', 20_000) }, ContextFor(MlResearch)));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains("(20000 characters)", ex.Status.Detail, StringComparison.Ordinal);
        Assert.True(ex.Status.Detail.Length < 300);
    }

    private async Task<V1.Job> SubmitAtAsync(string name)
    {
        _api.Time.Advance(TimeSpan.FromSeconds(1));
        return await _api.SubmitAsync(MlResearch, Spec(name));
    }
}
