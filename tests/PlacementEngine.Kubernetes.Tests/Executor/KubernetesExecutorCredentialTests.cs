using System.Net;
using System.Net.Sockets;
using PlacementEngine.Kubernetes.Tests.Support;
using PlacementEngine.Scheduling;
using PlacementEngine.TestKit.Kubernetes;

namespace PlacementEngine.Kubernetes.Tests.Executor;

/// <summary>How the kubeconfig's TLS trust and credentials, read by KubernetesClient, meet the API server.</summary>
public sealed class KubernetesExecutorCredentialTests : IAsyncLifetime
{
    private FakeCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await FakeCluster.StartAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    private string AuthorityPem => TestCertificates.CertificatePem(_cluster.Certificates.Authority);

    [Fact]
    public async Task DispatchAsync_BearerToken_IsAccepted()
    {
        var path = _cluster.WriteKubeConfig("token-config", k => k.AuthorityData(AuthorityPem).Token(FakeCluster.Token));
        using var executor = _cluster.CreateExecutor(kubeConfigPath: path);

        var outcome = await executor.DispatchAsync(DispatchRequests.Make("j1").Obj(), CancellationToken.None);

        Assert.True(outcome.Accepted, outcome.Error);
        Assert.NotNull(_cluster.Store.Find("default", "pe-j1-a1"));
    }

    [Fact]
    public async Task DispatchAsync_ClientCertificateFromClusterAuthority_IsAccepted()
    {
        var client = _cluster.Certificates.Client;
        var path = _cluster.WriteKubeConfig("cert-config", k => k.AuthorityData(AuthorityPem)
            .ClientCertificateData(TestCertificates.CertificatePem(client), TestCertificates.PrivateKeyPem(client)));
        using var executor = _cluster.CreateExecutor(kubeConfigPath: path);

        var outcome = await executor.DispatchAsync(DispatchRequests.Make("j1").Obj(), CancellationToken.None);

        Assert.True(outcome.Accepted, outcome.Error);
    }

    [Fact]
    public async Task DispatchAsync_ExecPluginToken_IsAccepted()
    {
        PluginScripts.Write(_cluster.Directory, "get-token.sh", PluginScripts.FixedToken);
        // Relative to the kubeconfig, as client-go resolves a command with a directory part.
        var path = _cluster.WriteKubeConfig("exec-config", k => k.AuthorityData(AuthorityPem).Exec("./get-token.sh", FakeCluster.Token));
        using var executor = _cluster.CreateExecutor(kubeConfigPath: path);

        var outcome = await executor.DispatchAsync(DispatchRequests.Make("j1").Obj(), CancellationToken.None);

        Assert.True(outcome.Accepted, outcome.Error);
        Assert.NotNull(_cluster.Store.Find("default", "pe-j1-a1"));
    }

    [Fact]
    public async Task DispatchAsync_ExecPluginFailsAtStart_RefusedForLackOfCredentialsUntilItWorksAgain()
    {
        PluginScripts.Write(_cluster.Directory, "get-token.sh", PluginScripts.Failing);
        var path = _cluster.WriteKubeConfig("exec-failing", k => k.AuthorityData(AuthorityPem).Exec("./get-token.sh", FakeCluster.Token));
        // The package runs the plugin while reading the kubeconfig; an expired sign-in must not stop the start.
        using var executor = _cluster.CreateExecutor(kubeConfigPath: path);

        var refused = await executor.DispatchAsync(DispatchRequests.Make("j1").Obj(), CancellationToken.None);
        var healthy = await executor.CheckHealthAsync(CancellationToken.None);
        PluginScripts.Write(_cluster.Directory, "get-token.sh", PluginScripts.FixedToken);
        var accepted = await executor.DispatchAsync(DispatchRequests.Make("j1").Obj(), CancellationToken.None);

        Assert.False(refused.Accepted);
        Assert.False(refused.Permanent);
        Assert.Equal("credentials", refused.ErrorCode);
        Assert.Contains($"kubeconfig {path}: external exec failed", refused.Error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', refused.Error!);
        Assert.False(healthy);
        Assert.True(accepted.Accepted, accepted.Error);
        Assert.NotNull(_cluster.Store.Find("default", "pe-j1-a1"));
    }

    [Fact]
    public async Task WatchAsync_ExecPluginFailsAtStart_FollowsJobsOnceItWorksAgain()
    {
        using (var dispatcher = _cluster.CreateExecutor())
        {
            Assert.True((await dispatcher.DispatchAsync(DispatchRequests.Make("j1").Obj(), CancellationToken.None)).Accepted);
        }
        PluginScripts.Write(_cluster.Directory, "get-token.sh", PluginScripts.Failing);
        var path = _cluster.WriteKubeConfig("exec-failing", k => k.AuthorityData(AuthorityPem).Exec("./get-token.sh", FakeCluster.Token));
        using var executor = _cluster.CreateExecutor(kubeConfigPath: path);
        await using var watch = new WatchProbe(executor);

        PluginScripts.Write(_cluster.Directory, "get-token.sh", PluginScripts.FixedToken);
        var update = await watch.NextAsync();

        Assert.Equal(("j1", ExecutionPhase.Pending), (update.JobId.Value, update.Phase));
    }

    [Fact]
    public async Task DispatchAsync_WrongToken_RefusedWith401ForRetry()
    {
        var path = _cluster.WriteKubeConfig("bad-token", k => k.AuthorityData(AuthorityPem).Token("stale"));
        using var executor = _cluster.CreateExecutor(kubeConfigPath: path);

        var outcome = await executor.DispatchAsync(DispatchRequests.Make("j1").Obj(), CancellationToken.None);

        Assert.False(outcome.Accepted);
        Assert.False(outcome.Permanent);
        Assert.Equal("401", outcome.ErrorCode);
    }

    [Fact]
    public async Task DispatchAsync_NoCredentials_RefusedWith403AsAnonymous()
    {
        var path = _cluster.WriteKubeConfig("anonymous", k => k.AuthorityData(AuthorityPem).WithoutUser());
        using var executor = _cluster.CreateExecutor(kubeConfigPath: path);

        var outcome = await executor.DispatchAsync(DispatchRequests.Make("j1").Obj(), CancellationToken.None);

        Assert.False(outcome.Accepted);
        Assert.Equal("403", outcome.ErrorCode);
        Assert.Contains("system:anonymous", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DispatchAsync_ServerCertificateFromAnotherAuthority_RefusedAsNetworkFailure()
    {
        using var stranger = TestCertificates.Create("some-other-ca");
        var path = _cluster.WriteKubeConfig("other-ca", k => k.AuthorityData(TestCertificates.CertificatePem(stranger.Authority)).Token(FakeCluster.Token));
        using var executor = _cluster.CreateExecutor(kubeConfigPath: path);

        var outcome = await executor.DispatchAsync(DispatchRequests.Make("j1").Obj(), CancellationToken.None);

        Assert.False(outcome.Accepted);
        Assert.Equal("network", outcome.ErrorCode);
        Assert.Empty(_cluster.Store.All());
    }

    [Fact]
    public async Task CheckHealthAsync_ServerCertificateFromAnotherAuthority_IsFalse()
    {
        using var stranger = TestCertificates.Create("some-other-ca");
        var path = _cluster.WriteKubeConfig("other-ca", k => k.AuthorityData(TestCertificates.CertificatePem(stranger.Authority)).Token(FakeCluster.Token));
        using var executor = _cluster.CreateExecutor(kubeConfigPath: path);

        Assert.False(await executor.CheckHealthAsync(CancellationToken.None));
    }

    [Fact]
    public async Task CheckHealthAsync_InsecureSkipTlsVerify_TalksToAnyServer()
    {
        var path = _cluster.WriteKubeConfig("insecure", k => k.Cluster("insecure-skip-tls-verify: true").Token(FakeCluster.Token));
        using var executor = _cluster.CreateExecutor(kubeConfigPath: path);

        Assert.True(await executor.CheckHealthAsync(CancellationToken.None));
    }

    [Fact]
    public async Task CheckHealthAsync_ApiAnswers_IsTrue()
    {
        using var executor = _cluster.CreateExecutor();

        Assert.True(await executor.CheckHealthAsync(CancellationToken.None));
        Assert.Equal(1, _cluster.Server.CountRequests(r => r.Path == "/readyz"));
    }

    [Fact]
    public async Task CheckHealthAsync_NothingListening_IsFalse()
    {
        var path = _cluster.WriteKubeConfig("closed", _ => KubeConfigYaml.For($"https://127.0.0.1:{ClosedPort()}").Cluster("insecure-skip-tls-verify: true").Token(FakeCluster.Token));
        using var executor = _cluster.CreateExecutor(kubeConfigPath: path);

        Assert.False(await executor.CheckHealthAsync(CancellationToken.None));
    }

    [Fact]
    public async Task DispatchAsync_NothingListening_RefusedAsNetworkFailureForRetry()
    {
        var path = _cluster.WriteKubeConfig("closed", _ => KubeConfigYaml.For($"https://127.0.0.1:{ClosedPort()}").Cluster("insecure-skip-tls-verify: true").Token(FakeCluster.Token));
        using var executor = _cluster.CreateExecutor(kubeConfigPath: path);

        var outcome = await executor.DispatchAsync(DispatchRequests.Make("j1").Obj(), CancellationToken.None);

        Assert.False(outcome.Accepted);
        Assert.False(outcome.Permanent);
        Assert.Equal("network", outcome.ErrorCode);
    }

    [Fact]
    public void Constructor_InvalidOptions_ListsEveryProblem()
    {
        var options = new KubernetesExecutorOptions { RequestTimeout = TimeSpan.Zero, ListPageSize = 0 };

        var error = Assert.Throws<ArgumentException>(() => _cluster.CreateExecutor(options));

        Assert.Contains("RequestTimeout", error.Message, StringComparison.Ordinal);
        Assert.Contains("ListPageSize", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A loopback port that was free a moment ago and has nothing listening now.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
