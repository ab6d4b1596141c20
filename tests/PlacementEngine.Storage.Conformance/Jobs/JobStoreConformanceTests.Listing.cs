using PlacementEngine.Core;
using PlacementEngine.Scheduling;
using PlacementEngine.TestKit;

namespace PlacementEngine.Storage.Conformance.Jobs;

public abstract partial class JobStoreConformanceTests
{
    [Theory]
    [InlineData(null, new JobState[0], 3)]
    [InlineData("team-a", new JobState[0], 2)]
    [InlineData("team-a", new[] { JobState.Pending, JobState.Placed }, 2)]
    [InlineData(null, new[] { JobState.Cancelled }, 1)]
    [InlineData("team-b", new[] { JobState.Pending }, 50)]
    public async Task ListAsync_PagingWithFilters_VisitsEveryMatchingJobOnceInSubmissionOrder(string? team, JobState[] states, int pageSize)
    {
        var store = await CreateStoreAsync();
        var jobs = await SubmitMixAsync(store);
        var expected = jobs
            .Where(j => (team is null || j.Team == team) && (states.Length == 0 || states.Contains(j.State)))
            .OrderBy(j => j.CreatedAt).ThenBy(j => j.Id.Value, StringComparer.Ordinal)
            .Select(j => j.Id)
            .ToList();

        var visited = await ListEveryPageAsync(store, new JobQuery(team, states, pageSize, ""));

        Assert.NotEmpty(expected);
        Assert.Equal(expected, visited);
    }

    /// <summary>Every page of <paramref name="query"/>, following its tokens; each page no larger than asked.</summary>
    private static async Task<List<JobId>> ListEveryPageAsync(IJobStore store, JobQuery query)
    {
        var visited = new List<JobId>();
        do
        {
            var page = await store.ListAsync(query, None);
            Assert.True(page.Jobs.Count <= query.PageSize);
            visited.AddRange(page.Jobs.Select(j => j.Id));
            query = query with { PageToken = page.NextPageToken };
        }
        while (query.PageToken != "");
        return visited;
    }

    [Fact]
    public async Task ListAsync_ReturnsJobsWithEveryField()
    {
        var store = await CreateStoreAsync();
        var job = await SubmitNewAsync(store, StoreTestData.FullSpec());

        var page = await store.ListAsync(new JobQuery(null, [], 10, ""), None);

        JobAssert.Same(job, Assert.Single(page.Jobs));
        Assert.Equal("", page.NextPageToken);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public async Task ListAsync_PageSizeBelowOne_UsesADefaultPage(int pageSize)
    {
        var store = await CreateStoreAsync();
        await SubmitMixAsync(store);

        var page = await store.ListAsync(new JobQuery(null, [], pageSize, ""), None);

        Assert.Equal(11, page.Jobs.Count);
        Assert.Equal("", page.NextPageToken);
    }

    [Fact]
    public async Task ListAsync_NoMatch_ReturnsEmptyLastPage()
    {
        var store = await CreateStoreAsync();
        await SubmitMixAsync(store);

        var page = await store.ListAsync(new JobQuery("team-z", [], 10, ""), None);

        Assert.Empty(page.Jobs);
        Assert.Equal("", page.NextPageToken);
    }

    [Theory]
    [InlineData("not a token")]
    [InlineData("djF8bm9wZQ")]
    public async Task ListAsync_ForeignPageToken_ThrowsArgumentException(string token)
    {
        var store = await CreateStoreAsync();

        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.ListAsync(new JobQuery(null, [], 10, token), None));
    }

    [Fact]
    public async Task GetByStatesAsync_ReturnsJobsInThoseStatesInSubmissionOrder()
    {
        var store = await CreateStoreAsync();
        var jobs = await SubmitMixAsync(store);

        var found = await store.GetByStatesAsync([JobState.Placed, JobState.Cancelled], None);

        Assert.Equal(
            jobs.Where(j => j.State is JobState.Placed or JobState.Cancelled).OrderBy(j => j.CreatedAt).ThenBy(j => j.Id.Value, StringComparer.Ordinal).Select(j => j.Id),
            found.Select(j => j.Id));
    }

    [Fact]
    public async Task GetByStatesAsync_NoStates_ReturnsNothing()
    {
        var store = await CreateStoreAsync();
        await SubmitMixAsync(store);

        Assert.Empty(await store.GetByStatesAsync([], None));
    }

    /// <summary>
    /// Eleven jobs of two teams in three states; several share a submission time, so paging must break ties
    /// by id. Returns each job as it now is.
    /// </summary>
    private async Task<List<Job>> SubmitMixAsync(IJobStore store)
    {
        var jobs = new List<Job>();
        for (var i = 0; i < 11; i++)
        {
            var team = i % 3 == 0 ? "team-b" : "team-a";
            jobs.Add(await SubmitAsync(store, NewJob(JobSpecs.Gpu($"job-{i}", 1).Team(team).Obj(), sameTick: i % 4 != 0)));
        }
        jobs[1] = await PlaceAsync(store, jobs[1], StoreTestData.SpotPool, 1, 100);
        jobs[5] = await PlaceAsync(store, jobs[5], StoreTestData.SpotPool, 1, 100);
        jobs[2] = await MoveAsync(store, jobs[2], JobState.Cancelled);
        jobs[6] = await MoveAsync(store, jobs[6], JobState.Cancelled);
        return jobs;
    }
}
