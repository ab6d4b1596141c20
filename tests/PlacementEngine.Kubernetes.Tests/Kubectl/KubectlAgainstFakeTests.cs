using System.Text.Json;
using PlacementEngine.Kubernetes.Tests.Support;
using PlacementEngine.TestKit.Kubernetes;

namespace PlacementEngine.Kubernetes.Tests.Kubectl;

/// <summary>The real kubectl, through a kubeconfig with CA data and a bearer token, reads what the executor created.</summary>
public sealed class KubectlAgainstFakeTests : IAsyncLifetime
{
    private FakeCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await FakeCluster.StartAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task GetJobsJson_AfterDispatch_ListsTheExecutorsJobsWithLabels()
    {
        using var executor = _cluster.CreateExecutor();
        Assert.True((await executor.DispatchAsync(DispatchRequests.Make("j1").Obj(), CancellationToken.None)).Accepted);
        Assert.True((await executor.DispatchAsync(DispatchRequests.Make("j2").Attempt(3).Team("vision").Obj(), CancellationToken.None)).Accepted);

        var result = await Support.Kubectl.RunAsync(_cluster.KubeConfigPath, _cluster.Directory.Path, "get", "jobs", "-o", "json");

        Assert.True(result.ExitCode == 0, $"kubectl failed: {result.Error}\nrequests:\n{string.Join('\n', _cluster.Server.Requests)}");
        using var list = JsonDocument.Parse(result.Output);
        var items = list.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["pe-j1-a1", "pe-j2-a3"], items.Select(i => i.GetProperty("metadata").GetProperty("name").GetString()).Order());
        var second = items.Single(i => i.GetProperty("metadata").GetProperty("name").GetString() == "pe-j2-a3").GetProperty("metadata").GetProperty("labels");
        Assert.Equal("j2", second.GetProperty("placement.dev/job-id").GetString());
        Assert.Equal("3", second.GetProperty("placement.dev/attempt").GetString());
        Assert.Equal("vision", second.GetProperty("placement.dev/team").GetString());
    }

    [Fact]
    public async Task GetJob_ByName_PrintsTheName()
    {
        using var executor = _cluster.CreateExecutor();
        Assert.True((await executor.DispatchAsync(DispatchRequests.Make("j7").Obj(), CancellationToken.None)).Accepted);

        var result = await Support.Kubectl.RunAsync(_cluster.KubeConfigPath, _cluster.Directory.Path, "get", "job", "pe-j7-a1");

        Assert.True(result.ExitCode == 0, $"kubectl failed: {result.Error}\nrequests:\n{string.Join('\n', _cluster.Server.Requests)}");
        Assert.Contains("pe-j7-a1", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetJobs_LabelSelectorWithClientCertificateKubeconfig_ListsOnlyMatchingJobs()
    {
        using var executor = _cluster.CreateExecutor();
        Assert.True((await executor.DispatchAsync(DispatchRequests.Make("j1").Team("vision").Obj(), CancellationToken.None)).Accepted);
        Assert.True((await executor.DispatchAsync(DispatchRequests.Make("j2").Team("speech").Obj(), CancellationToken.None)).Accepted);
        var client = _cluster.Certificates.Client;
        var path = _cluster.WriteKubeConfig("cert-kubeconfig", k => k
            .AuthorityData(TestCertificates.CertificatePem(_cluster.Certificates.Authority))
            .ClientCertificateData(TestCertificates.CertificatePem(client), TestCertificates.PrivateKeyPem(client)));

        var result = await Support.Kubectl.RunAsync(path, _cluster.Directory.Path, "get", "jobs", "-l", "placement.dev/team=vision", "-o", "name");

        Assert.True(result.ExitCode == 0, $"kubectl failed: {result.Error}");
        Assert.Equal("job.batch/pe-j1-a1", result.Output.Trim());
    }

    [Fact]
    public async Task GetJob_ExecPluginKubeconfigSharedWithTheExecutor_Succeeds()
    {
        PluginScripts.Write(_cluster.Directory, "get-token.sh", PluginScripts.FixedToken);
        var path = _cluster.WriteKubeConfig("exec-kubeconfig", k => k
            .AuthorityData(TestCertificates.CertificatePem(_cluster.Certificates.Authority))
            .Exec("./get-token.sh", FakeCluster.Token));
        using var executor = _cluster.CreateExecutor(kubeConfigPath: path);
        Assert.True((await executor.DispatchAsync(DispatchRequests.Make("j3").Obj(), CancellationToken.None)).Accepted);

        var result = await Support.Kubectl.RunAsync(path, _cluster.Directory.Path, "get", "job", "pe-j3-a1", "-o", "name");

        Assert.True(result.ExitCode == 0, $"kubectl failed: {result.Error}");
        Assert.Equal("job.batch/pe-j3-a1", result.Output.Trim());
    }
}
