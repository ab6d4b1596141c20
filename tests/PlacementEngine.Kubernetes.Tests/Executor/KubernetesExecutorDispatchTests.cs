using PlacementEngine.Kubernetes.Tests.Support;
using PlacementEngine.TestKit.Kubernetes;
using PlacementEngine.TestKit.Kubernetes.Fake;

namespace PlacementEngine.Kubernetes.Tests.Executor;

public sealed class KubernetesExecutorDispatchTests : IAsyncLifetime
{
    private FakeCluster _cluster = null!;
    private KubernetesExecutor _executor = null!;

    public async Task InitializeAsync()
    {
        _cluster = await FakeCluster.StartAsync(@namespace: "ml-jobs");
        _executor = _cluster.CreateExecutor();
    }

    public async Task DisposeAsync()
    {
        _executor.Dispose();
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task DispatchAsync_NewAttempt_CreatesJobUnderDeterministicNameInContextNamespace()
    {
        var outcome = await _executor.DispatchAsync(DispatchRequests.Make("j1").Attempt(2).Obj(), CancellationToken.None);

        Assert.True(outcome.Accepted, outcome.Error);
        Assert.Equal("pe-j1-a2", outcome.ResourceName);
        var stored = _cluster.Store.Find("ml-jobs", "pe-j1-a2");
        Assert.NotNull(stored);
        Assert.Equal("j1", stored["metadata"]!["labels"]!["placement.dev/job-id"]!.GetValue<string>());
        Assert.Equal("2", stored["metadata"]!["labels"]!["placement.dev/attempt"]!.GetValue<string>());
    }

    [Fact]
    public async Task DispatchAsync_SameAttemptAgain_AcceptedThroughAlreadyExists()
    {
        var request = DispatchRequests.Make("j1").Obj();
        await _executor.DispatchAsync(request, CancellationToken.None);

        var again = await _executor.DispatchAsync(request, CancellationToken.None);

        Assert.True(again.Accepted, again.Error);
        Assert.Equal("pe-j1-a1", again.ResourceName);
        Assert.Equal(2, _cluster.Server.CountRequests(r => r.Method == "POST"));
        Assert.Single(_cluster.Store.All());
        Assert.Equal(new FakeCreates(Created: 1, AlreadyExisted: 1), _cluster.Store.Creates("ml-jobs")["pe-j1-a1"]);
    }

    [Fact]
    public async Task DispatchAsync_AgainAfterCancel_FakeCountsTheSecondCreate()
    {
        var request = DispatchRequests.Make("j1").Obj();
        await _executor.DispatchAsync(request, CancellationToken.None);
        await _executor.CancelAsync(request.JobId, request.Attempt, CancellationToken.None);

        await _executor.DispatchAsync(request, CancellationToken.None);

        Assert.Equal(new FakeCreates(Created: 2, AlreadyExisted: 0), Assert.Single(_cluster.Store.Creates("ml-jobs")).Value);
    }

    [Fact]
    public async Task DispatchAsync_MissingImage_RefusedPermanentlyWithTheStatusMessage()
    {
        var request = DispatchRequests.Make("j1").WithSpec(s => s with { Container = s.Container with { Image = "" } }).Obj();

        var outcome = await _executor.DispatchAsync(request, CancellationToken.None);

        Assert.False(outcome.Accepted);
        Assert.True(outcome.Permanent);
        Assert.Equal("422", outcome.ErrorCode);
        Assert.Contains("spec.template.spec.containers[0].image: Required value", outcome.Error, StringComparison.Ordinal);
        Assert.Empty(_cluster.Store.All());
    }

    [Fact]
    public async Task DispatchAsync_InvalidName_RefusedPermanently()
    {
        var outcome = await _executor.DispatchAsync(DispatchRequests.Make("Not_A_Label").Obj(), CancellationToken.None);

        Assert.False(outcome.Accepted);
        Assert.True(outcome.Permanent);
        Assert.Equal("422", outcome.ErrorCode);
        Assert.Contains("metadata.name", outcome.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(500, "InternalError")]
    [InlineData(503, "ServiceUnavailable")]
    [InlineData(429, "TooManyRequests")]
    public async Task DispatchAsync_ServerTrouble_RefusedForRetry(int code, string reason)
    {
        _cluster.Server.FailNextJobsRequest(code, reason, "etcdserver: leader changed");

        var outcome = await _executor.DispatchAsync(DispatchRequests.Make("j1").Obj(), CancellationToken.None);

        Assert.False(outcome.Accepted);
        Assert.False(outcome.Permanent);
        Assert.Equal(code.ToString(System.Globalization.CultureInfo.InvariantCulture), outcome.ErrorCode);
        Assert.Contains("etcdserver: leader changed", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DispatchAsync_PoolNameWithSlashes_IsAcceptedByServerValidation()
    {
        var request = DispatchRequests.Make("j1").PoolName("gcp-europe-west4/a2-ultragpu-8g/spot").In("gcp:europe-west4").Obj();

        var outcome = await _executor.DispatchAsync(request, CancellationToken.None);

        Assert.True(outcome.Accepted, outcome.Error);
    }
}
