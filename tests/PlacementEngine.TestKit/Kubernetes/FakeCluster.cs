using PlacementEngine.TestKit.Kubernetes.Fake;

namespace PlacementEngine.TestKit.Kubernetes;

/// <summary>
/// A fake API server on TLS with its own CA, accepting a bearer token and client certificates from that CA,
/// plus a kubeconfig file for it (CA data and token), as an operator would hand one to the scheduler.
/// </summary>
public sealed class FakeCluster : IAsyncDisposable
{
    public const string Token = "pe-test-token-7d3f";
    public const string ClusterName = "aws-us-west-2";

    private FakeCluster(TestCertificates certificates, FakeKubeApiServer server, TempDirectory directory, string kubeConfigPath)
    {
        Certificates = certificates;
        Server = server;
        Directory = directory;
        KubeConfigPath = kubeConfigPath;
    }

    public TestCertificates Certificates { get; }

    public FakeKubeApiServer Server { get; }

    public FakeJobStore Store => Server.Store;

    public TempDirectory Directory { get; }

    public string KubeConfigPath { get; }

    public static async Task<FakeCluster> StartAsync(string? @namespace = null)
    {
        var certificates = TestCertificates.Create();
        var server = await FakeKubeApiServer.StartAsync(new FakeKubeApiOptions(certificates.Server, certificates.Authority, Token));
        var directory = new TempDirectory();
        var yaml = KubeConfigYaml.For(server.Url).AuthorityData(TestCertificates.CertificatePem(certificates.Authority)).Token(Token);
        if (@namespace is not null)
        {
            yaml.Namespace(@namespace);
        }
        var path = directory.Write("kubeconfig", yaml.Build());
        return new FakeCluster(certificates, server, directory, path);
    }

    /// <summary>Another kubeconfig for the same server, e.g. with other credentials.</summary>
    public string WriteKubeConfig(string name, Func<KubeConfigYaml, KubeConfigYaml> configure) =>
        Directory.Write(name, configure(KubeConfigYaml.For(Server.Url)).Build());

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Directory.Dispose();
        Certificates.Dispose();
    }
}
