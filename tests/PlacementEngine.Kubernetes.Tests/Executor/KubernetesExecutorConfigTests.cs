using k8s.Exceptions;
using PlacementEngine.Kubernetes.Tests.Support;
using PlacementEngine.TestKit.Kubernetes;

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

        Assert.Equal($"kubeconfig {path}: cannot be read: no such file", error.Message);
    }

    [Fact]
    public void Constructor_NotYaml_ThrowsNamingTheFile()
    {
        var path = _cluster.Directory.Write("broken", "clusters: [\n  - name: {\n");

        var error = Assert.Throws<KubeConfigException>(() => _cluster.CreateExecutor(kubeConfigPath: path));

        Assert.StartsWith($"kubeconfig {path}: is not valid YAML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_EmptyFile_ThrowsSayingSo()
    {
        var path = _cluster.Directory.Write("empty", "");

        var error = Assert.Throws<KubeConfigException>(() => _cluster.CreateExecutor(kubeConfigPath: path));

        Assert.Equal($"kubeconfig {path}: is empty", error.Message);
    }

    [Fact]
    public void Constructor_ContextNamesUnknownCluster_ThrowsNamingItAndTheDefinedOnes()
    {
        var path = _cluster.Directory.Write("other-cluster", File.ReadAllText(_cluster.KubeConfigPath).Replace("cluster: fake", "cluster: prod", StringComparison.Ordinal));

        var error = Assert.Throws<KubeConfigException>(() => _cluster.CreateExecutor(kubeConfigPath: path));

        Assert.Equal($"kubeconfig {path}: cluster 'prod' not found (defined: fake)", error.Message);
    }

    [Fact]
    public void Constructor_ContextNamesUnknownUser_ThrowsNamingItAndTheDefinedOnes()
    {
        var path = _cluster.Directory.Write("other-user", File.ReadAllText(_cluster.KubeConfigPath).Replace("user: tester", "user: admin", StringComparison.Ordinal));

        var error = Assert.Throws<KubeConfigException>(() => _cluster.CreateExecutor(kubeConfigPath: path));

        Assert.Equal($"kubeconfig {path}: user 'admin' not found (defined: tester)", error.Message);
    }

    [Fact]
    public void Constructor_CertificateAuthorityNotPem_ThrowsNamingTheFile()
    {
        var path = _cluster.WriteKubeConfig("ca-not-pem", k => k.AuthorityData("not a certificate").Token(FakeCluster.Token));

        var error = Assert.Throws<KubeConfigException>(() => _cluster.CreateExecutor(kubeConfigPath: path));

        Assert.Equal($"kubeconfig {path}: the cluster's certificate authority holds no PEM certificate", error.Message);
    }

    [Fact]
    public void Constructor_UnknownContext_ThrowsNamingTheContext()
    {
        var error = Assert.Throws<KubeConfigException>(() => CreateExecutor(_cluster.KubeConfigPath, "staging"));

        Assert.Equal($"kubeconfig {_cluster.KubeConfigPath}: context 'staging' not found (defined: test)", error.Message);
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
    public void Constructor_NoContextsSection_ThrowsNamingTheFile()
    {
        var path = _cluster.Directory.Write("sectionless", "apiVersion: v1\nkind: Config\ncurrent-context: test\n");

        var error = Assert.Throws<KubeConfigException>(() => _cluster.CreateExecutor(kubeConfigPath: path));

        Assert.Equal($"kubeconfig {path}: context 'test' not found (defined: none)", error.Message);
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
