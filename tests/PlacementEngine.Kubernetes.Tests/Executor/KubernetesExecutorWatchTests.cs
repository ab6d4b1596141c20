using System.Text.Json.Nodes;
using PlacementEngine.Core;
using PlacementEngine.Kubernetes.Tests.Support;
using PlacementEngine.Scheduling;
using PlacementEngine.TestKit.Kubernetes;

namespace PlacementEngine.Kubernetes.Tests.Executor;

public sealed class KubernetesExecutorWatchTests : IAsyncLifetime
{
    private FakeCluster _cluster = null!;
    private KubernetesExecutor _executor = null!;

    public async Task InitializeAsync()
    {
        _cluster = await FakeCluster.StartAsync();
        _executor = _cluster.CreateExecutor();
    }

    public async Task DisposeAsync()
    {
        _executor.Dispose();
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task WatchAsync_JobRunsToCompletion_YieldsPendingRunningSucceeded()
    {
        await DispatchAsync("j1");
        await using var watch = new WatchProbe(_executor);

        var first = await watch.NextAsync();
        SetStatus("pe-j1-a1", FakeJobStatus.Running());
        var second = await watch.NextAsync();
        SetStatus("pe-j1-a1", FakeJobStatus.Complete());
        var third = await watch.NextAsync();

        Assert.Equal(new ExecutionUpdate(new JobId("j1"), 1, ExecutionPhase.Pending, "waiting for worker pods"), first);
        Assert.Equal((ExecutionPhase.Running, "1/1 workers ready"), (second.Phase, second.Reason));
        Assert.Equal(ExecutionPhase.Succeeded, third.Phase);
    }

    [Fact]
    public async Task WatchAsync_StatusChangesWithinAPhase_AreNotRepeated()
    {
        await DispatchAsync("j1", workers: 2);
        await using var watch = new WatchProbe(_executor);
        await watch.NextAsync();

        SetStatus("pe-j1-a1", FakeJobStatus.WaitingForNodes(2));
        SetStatus("pe-j1-a1", FakeJobStatus.Running(1));
        SetStatus("pe-j1-a1", FakeJobStatus.Running(2));
        SetStatus("pe-j1-a1", FakeJobStatus.Complete(2));

        Assert.Equal(ExecutionPhase.Running, (await watch.NextAsync()).Phase);
        Assert.Equal(ExecutionPhase.Succeeded, (await watch.NextAsync()).Phase);
    }

    [Fact]
    public async Task WatchAsync_WorkerFails_YieldsFailedWithTheConditionReason()
    {
        await DispatchAsync("j1");
        await using var watch = new WatchProbe(_executor);
        await watch.NextAsync();

        SetStatus("pe-j1-a1", FakeJobStatus.Failed("BackoffLimitExceeded", "Job has reached the specified backoff limit"));
        var update = await watch.NextAsync();

        Assert.Equal(ExecutionPhase.Failed, update.Phase);
        Assert.Equal("BackoffLimitExceeded: Job has reached the specified backoff limit", update.Reason);
    }

    [Fact]
    public async Task WatchAsync_WorkerDisrupted_YieldsPreempted()
    {
        await DispatchAsync("j1");
        await using var watch = new WatchProbe(_executor);
        await watch.NextAsync();

        SetStatus("pe-j1-a1", FakeJobStatus.Running());
        SetStatus("pe-j1-a1", FakeJobStatus.Disrupted("default", "pe-j1-a1-0-abcde"));

        Assert.Equal(ExecutionPhase.Running, (await watch.NextAsync()).Phase);
        var preempted = await watch.NextAsync();
        Assert.Equal(ExecutionPhase.Preempted, preempted.Phase);
        Assert.Contains("DisruptionTarget", preempted.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WatchAsync_ExistingJobs_StartsWithTheCurrentPhaseOfEach()
    {
        await DispatchAsync("j1");
        await DispatchAsync("j2");
        SetStatus("pe-j2-a1", FakeJobStatus.Running());
        await using var watch = new WatchProbe(_executor);

        var updates = new[] { await watch.NextAsync(), await watch.NextAsync() };

        Assert.Contains(updates, u => u.JobId.Value == "j1" && u.Phase == ExecutionPhase.Pending);
        Assert.Contains(updates, u => u.JobId.Value == "j2" && u.Phase == ExecutionPhase.Running);
    }

    [Fact]
    public async Task WatchAsync_JobDispatchedWhileWatching_IsFollowed()
    {
        await DispatchAsync("j1");
        await using var watch = new WatchProbe(_executor);
        await watch.NextAsync();

        await DispatchAsync("j2");
        var update = await watch.NextAsync();

        Assert.Equal(("j2", ExecutionPhase.Pending), (update.JobId.Value, update.Phase));
    }

    [Fact]
    public async Task WatchAsync_HistoryExpired_ListsAgainAndCatchesUp()
    {
        await DispatchAsync("j1");
        await using var watch = new WatchProbe(_executor);
        await watch.NextAsync();
        await _cluster.Store.WatchOpened();

        _cluster.Store.ExpireHistory();
        SetStatus("pe-j1-a1", FakeJobStatus.Complete());
        var update = await watch.NextAsync();

        Assert.Equal(ExecutionPhase.Succeeded, update.Phase);
        Assert.True(ListRequests() >= 2, "the executor should have listed again after 410 Gone");
    }

    [Fact]
    public async Task WatchAsync_StreamEnds_ReconnectsFromTheLastVersionWithoutListing()
    {
        await DispatchAsync("j1");
        await using var watch = new WatchProbe(_executor);
        await watch.NextAsync();
        await _cluster.Store.WatchOpened();

        _cluster.Store.EndWatches();
        SetStatus("pe-j1-a1", FakeJobStatus.Running());
        var update = await watch.NextAsync();

        Assert.Equal(ExecutionPhase.Running, update.Phase);
        Assert.Equal(1, ListRequests());
        Assert.True(WatchRequests() >= 2);
    }

    [Fact]
    public async Task WatchAsync_AfterBookmark_ResumesFromTheBookmarkedVersion()
    {
        await DispatchAsync("j1");
        await using var watch = new WatchProbe(_executor);
        await watch.NextAsync();
        await _cluster.Store.WatchOpened();
        CreateForeignJob("nightly-backup");

        // Only the bookmark tells the executor about the newer version; history below it then goes away,
        // so resuming from anything older would answer 410 and force a new list.
        _cluster.Store.SendBookmarks();
        var bookmarked = _cluster.Store.ResourceVersion;
        _cluster.Store.ExpireHistoryBelowCurrent();
        SetStatus("pe-j1-a1", FakeJobStatus.Running());

        Assert.Equal(ExecutionPhase.Running, (await watch.NextAsync()).Phase);
        Assert.Equal(1, ListRequests());
        Assert.Contains(_cluster.Server.Requests, r => r.Query.Contains($"resourceVersion={bookmarked}&", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WatchAsync_JobDeletedBeforeFinishing_YieldsFailed()
    {
        await DispatchAsync("j1");
        await using var watch = new WatchProbe(_executor);
        await watch.NextAsync();

        await _executor.CancelAsync(new JobId("j1"), 1, CancellationToken.None);
        var update = await watch.NextAsync();

        Assert.Equal(ExecutionPhase.Failed, update.Phase);
        Assert.Contains("deleted", update.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WatchAsync_ListFailsOnce_RetriesAndYields()
    {
        await DispatchAsync("j1");
        _cluster.Server.FailNextJobsRequest(503, "ServiceUnavailable", "apiserver is shutting down");
        await using var watch = new WatchProbe(_executor);

        var update = await watch.NextAsync();

        Assert.Equal(ExecutionPhase.Pending, update.Phase);
        Assert.Equal(2, ListRequests());
    }

    [Fact]
    public async Task WatchAsync_MoreJobsThanAPage_ListsEveryPage()
    {
        using var executor = _cluster.CreateExecutor(new KubernetesExecutorOptions
        {
            ListPageSize = 2,
            InitialRetryDelay = FakeCluster.FastOptions.InitialRetryDelay,
            MaxRetryDelay = FakeCluster.FastOptions.MaxRetryDelay,
        });
        foreach (var id in new[] { "j1", "j2", "j3", "j4", "j5" })
        {
            await DispatchAsync(id);
        }
        await using var watch = new WatchProbe(executor);

        var seen = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            seen.Add((await watch.NextAsync()).JobId.Value);
        }

        Assert.Equal(["j1", "j2", "j3", "j4", "j5"], seen.Order());
        Assert.Equal(3, ListRequests());
    }

    [Fact]
    public async Task WatchAsync_JobsNotDispatchedByTheScheduler_AreIgnored()
    {
        CreateForeignJob("nightly-backup");
        await DispatchAsync("j1");
        await using var watch = new WatchProbe(_executor);

        Assert.Equal("j1", (await watch.NextAsync()).JobId.Value);
        Assert.All(_cluster.Server.Requests.Where(r => r.Method == "GET" && r.Path.EndsWith("/jobs", StringComparison.Ordinal)),
            r => Assert.Contains("labelSelector=placement.dev%2Fjob-id", r.Query, StringComparison.Ordinal));
    }

    private async Task DispatchAsync(string jobId, int workers = 1)
    {
        var outcome = await _executor.DispatchAsync(DispatchRequests.Make(jobId).Spec(s => s.Workers(workers)).Obj(), CancellationToken.None);
        Assert.True(outcome.Accepted, outcome.Error);
    }

    private void SetStatus(string name, JsonObject status) => _cluster.Store.SetStatus("default", name, status);

    private int ListRequests() => _cluster.Server.CountRequests(r => r.Method == "GET" && r.Path.EndsWith("/jobs", StringComparison.Ordinal) && !r.Query.Contains("watch=true", StringComparison.Ordinal));

    private int WatchRequests() => _cluster.Server.CountRequests(r => r.Query.Contains("watch=true", StringComparison.Ordinal));

    /// <summary>A Job someone else created: no placement labels, so the executor's selector never sees it.</summary>
    private void CreateForeignJob(string name)
    {
        var job = JsonNode.Parse("""
            {"apiVersion":"batch/v1","kind":"Job","metadata":{},
             "spec":{"template":{"spec":{"restartPolicy":"Never","containers":[{"name":"b","image":"busybox"}]}}}}
            """)!.AsObject();
        job["metadata"]!["name"] = name;
        Assert.NotNull(_cluster.Store.Create("default", job).Created);
    }
}
