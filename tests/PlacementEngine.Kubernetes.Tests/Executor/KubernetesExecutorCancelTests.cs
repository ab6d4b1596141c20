using PlacementEngine.Core;
using System.Net;
using k8s.Autorest;
using PlacementEngine.Kubernetes.Tests.Support;
using PlacementEngine.TestKit.Kubernetes;

namespace PlacementEngine.Kubernetes.Tests.Executor;

public sealed class KubernetesExecutorCancelTests : IAsyncLifetime
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
    public async Task CancelAsync_DispatchedAttempt_DeletesTheJobWithBackgroundPropagation()
    {
        await _executor.DispatchAsync(DispatchRequests.Make("j1").Attempt(2).Obj(), CancellationToken.None);

        await _executor.CancelAsync(new JobId("j1"), 2, CancellationToken.None);

        Assert.Null(_cluster.Store.Find("default", "pe-j1-a2"));
        var delete = Assert.Single(_cluster.Server.Requests, r => r.Method == "DELETE");
        Assert.Equal("/apis/batch/v1/namespaces/default/jobs/pe-j1-a2", delete.Path);
        Assert.Contains("propagationPolicy=Background", delete.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CancelAsync_AlreadyGone_Succeeds()
    {
        await _executor.CancelAsync(new JobId("never-dispatched"), 1, CancellationToken.None);

        Assert.Equal(1, _cluster.Server.CountRequests(r => r.Method == "DELETE"));
    }

    [Fact]
    public async Task CancelAsync_ServerError_ThrowsWithTheStatus()
    {
        _cluster.Server.FailNextJobsRequest(500, "InternalError", "etcd unavailable");

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => _executor.CancelAsync(new JobId("j1"), 1, CancellationToken.None));

        Assert.Equal(HttpStatusCode.InternalServerError, error.Response.StatusCode);
        Assert.Contains("etcd unavailable", error.Response.Content, StringComparison.Ordinal);
    }
}
