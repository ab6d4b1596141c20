using k8s.Exceptions;
using PlacementEngine.Kubernetes.Tests.Support;

namespace PlacementEngine.Kubernetes.Tests.Executor;

/// <summary>The fleet's kubeconfig and context, read by KubernetesClient: a bad one stops the start with the file named.</summary>
public sealed class KubernetesExecutorConfigTests : IAsyncLifetime
{
    private FakeCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await FakeCluster.StartAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    private string AuthorityPem => TestCertificates.CertificatePem(_cluster.Certificates.Authority);

    [Fact]
    public void Constructor_MissingFile_ThrowsNamingTheFile()
    {
        var path = _cluster.Directory.File("no-such-kubeconfig");

        var error = Assert.Throws<KubeConfigException>(() => _cluster.CreateExecutor(kubeConfigPath: path));

        Assert.StartsWith($"kubeconfig {path}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NotYaml_ThrowsNamingTheFile()
    {
        var path = _cluster.Directory.Write("broken", "clusters: [\n  - name: {\n");

        var error = Assert.Throws<KubeConfigException>(() => _cluster.CreateExecutor(kubeConfigPath: path));

        Assert.StartsWith($"kubeconfig {path}: is not valid YAML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_UnknownContext_ThrowsNamingTheContext()
    {
        var error = Assert.Throws<KubeConfigException>(() => CreateExecutor(_cluster.KubeConfigPath, "staging"));

        Assert.StartsWith($"kubeconfig {_cluster.KubeConfigPath}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("staging", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NoContextAndNoCurrentContext_Throws()
    {
        var text = File.ReadAllLines(_cluster.KubeConfigPath).Where(l => !l.StartsWith("current-context:", StringComparison.Ordinal));
        var path = _cluster.Directory.Write("no-current", string.Join('\n', text));

        var error = Assert.Throws<KubeConfigException>(() => _cluster.CreateExecutor(kubeConfigPath: path));

        Assert.Equal($"kubeconfig {path}: no context was given and current-context is not set", error.Message);
    }

    [Fact]
    public void Constructor_UserWithoutCredentials_ThrowsNamingTheUser()
    {
        var path = _cluster.WriteKubeConfig("empty-user", k => k.AuthorityData(AuthorityPem));

        var error = Assert.Throws<KubeConfigException>(() => _cluster.CreateExecutor(kubeConfigPath: path));

        Assert.StartsWith($"kubeconfig {path}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("tester", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_CertificateAuthorityNotBase64_ThrowsNamingTheFile()
    {
        var path = _cluster.WriteKubeConfig("bad-ca", k => k.Cluster("certificate-authority-data: not*base64").Token(FakeCluster.Token));

        var error = Assert.Throws<KubeConfigException>(() => _cluster.CreateExecutor(kubeConfigPath: path));

        Assert.StartsWith($"kubeconfig {path}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_ContextWithoutNamespace_UsesDefault()
    {
        using var executor = _cluster.CreateExecutor();

        Assert.Equal("default", executor.Namespace);
    }

    [Fact]
    public async Task Constructor_NamedContext_UsesThatContextNotTheCurrentOne()
    {
        var yaml = KubeConfigYaml.For(_cluster.Server.Url).AuthorityData(AuthorityPem).Token(FakeCluster.Token).Build();
        // A second context on the same cluster and user, in its own namespace; current-context stays "test".
        var path = _cluster.Directory.Write("two-contexts", yaml.Replace(
            "contexts:\n",
            "contexts:\n- name: training\n  context:\n    cluster: fake\n    user: tester\n    namespace: training-jobs\n",
            StringComparison.Ordinal));
        using var executor = CreateExecutor(path, "training");

        var outcome = await executor.DispatchAsync(DispatchRequests.Make("j1").Obj(), CancellationToken.None);

        Assert.Equal("training-jobs", executor.Namespace);
        Assert.True(outcome.Accepted, outcome.Error);
        Assert.NotNull(_cluster.Store.Find("training-jobs", "pe-j1-a1"));
    }

    [Fact]
    public void InCluster_OutsideAPod_ThrowsSayingSo()
    {
        var error = Assert.Throws<KubeConfigException>(() => KubernetesExecutor.InCluster(FakeCluster.ClusterName, TimeProvider.System));

        Assert.Contains("not running in a pod", error.Message, StringComparison.Ordinal);
    }

    private static KubernetesExecutor CreateExecutor(string path, string context) =>
        new(path, context, FakeCluster.ClusterName, TimeProvider.System, options: FakeCluster.FastOptions);
}
