using PlacementEngine.Kubernetes.KubeConfig;
using PlacementEngine.Kubernetes.Tests.Support;
using PlacementEngine.TestKit;

namespace PlacementEngine.Kubernetes.Tests.KubeConfig;

public sealed class KubeConfigLoaderTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly TestCertificates _certificates = TestCertificates.Create();

    public void Dispose()
    {
        _directory.Dispose();
        _certificates.Dispose();
    }

    [Fact]
    public void Load_TokenUser_ReadsServerNamespaceAndToken()
    {
        var path = _directory.Write("config", KubeConfigYaml.For("https://10.0.0.1:6443").Token("abc").Namespace("ml-jobs").Build());

        var settings = KubeConfigLoader.Load(path, null, TimeProvider.System);

        Assert.Equal(new Uri("https://10.0.0.1:6443"), settings.Server);
        Assert.Equal("ml-jobs", settings.Namespace);
        Assert.Equal("test", settings.ContextName);
        Assert.Equal("abc", Token(settings));
        Assert.Null(settings.ClientCertificate);
        Assert.Empty(settings.TrustedAuthorities);
    }

    [Fact]
    public void Load_ContextWithoutNamespace_UsesDefault()
    {
        var path = _directory.Write("config", KubeConfigYaml.For("https://10.0.0.1:6443").Build());

        Assert.Equal("default", KubeConfigLoader.Load(path, null, TimeProvider.System).Namespace);
    }

    [Fact]
    public void Load_CertificateAuthorityData_TrustsExactlyThatAuthority()
    {
        var pem = TestCertificates.CertificatePem(_certificates.Authority);
        var path = _directory.Write("config", KubeConfigYaml.For("https://10.0.0.1:6443").AuthorityData(pem).Build());

        var settings = KubeConfigLoader.Load(path, null, TimeProvider.System);

        Assert.Equal(_certificates.Authority.Thumbprint, Assert.Single(settings.TrustedAuthorities).Thumbprint);
        Assert.False(settings.InsecureSkipTlsVerify);
    }

    [Fact]
    public void Load_CertificateAuthorityFile_IsReadRelativeToTheKubeconfig()
    {
        _directory.Write("ca.crt", TestCertificates.CertificatePem(_certificates.Authority));
        var path = _directory.Write("config", KubeConfigYaml.For("https://10.0.0.1:6443").Cluster("certificate-authority: ca.crt").Build());

        var settings = KubeConfigLoader.Load(path, null, TimeProvider.System);

        Assert.Equal(_certificates.Authority.Thumbprint, Assert.Single(settings.TrustedAuthorities).Thumbprint);
    }

    [Fact]
    public void Load_ClientCertificateData_LoadsCertificateWithPrivateKey()
    {
        var path = _directory.Write("config", KubeConfigYaml.For("https://10.0.0.1:6443")
            .ClientCertificateData(TestCertificates.CertificatePem(_certificates.Client), TestCertificates.PrivateKeyPem(_certificates.Client))
            .Build());

        var settings = KubeConfigLoader.Load(path, null, TimeProvider.System);

        Assert.NotNull(settings.ClientCertificate);
        Assert.True(settings.ClientCertificate.HasPrivateKey);
        Assert.Equal(_certificates.Client.Thumbprint, settings.ClientCertificate.Thumbprint);
        Assert.Null(settings.Token);
    }

    [Fact]
    public void Load_ClientCertificateFiles_LoadsCertificateWithPrivateKey()
    {
        _directory.Write("client.crt", TestCertificates.CertificatePem(_certificates.Client));
        _directory.Write("client.key", TestCertificates.PrivateKeyPem(_certificates.Client));
        var path = _directory.Write("config", KubeConfigYaml.For("https://10.0.0.1:6443")
            .User($"client-certificate: {_directory.File("client.crt")}")
            .User("client-key: client.key")
            .Build());

        var settings = KubeConfigLoader.Load(path, null, TimeProvider.System);

        Assert.True(settings.ClientCertificate?.HasPrivateKey);
        Assert.Equal(_certificates.Client.Thumbprint, settings.ClientCertificate!.Thumbprint);
    }

    [Fact]
    public void Load_TokenFile_IsReadAgainOnlyAfterTheRefreshInterval()
    {
        var time = new FakeTimeProvider();
        var tokenPath = _directory.Write("token", "first\n");
        var path = _directory.Write("config", KubeConfigYaml.For("https://10.0.0.1:6443").User("tokenFile: token").Build());
        var settings = KubeConfigLoader.Load(path, null, time);
        File.WriteAllText(tokenPath, "second");

        var beforeRefresh = Token(settings);
        time.Advance(FileTokenSource.RefreshInterval);
        var afterRefresh = Token(settings);

        Assert.Equal("first", beforeRefresh);
        Assert.Equal("second", afterRefresh);
    }

    [Fact]
    public void Load_ExplicitContext_WinsOverCurrentContext()
    {
        var path = _directory.Write("config", """
            clusters:
            - name: a
              cluster: { server: "https://a.example:6443" }
            - name: b
              cluster: { server: "https://b.example:6443" }
            contexts:
            - name: ctx-a
              context: { cluster: a, namespace: alpha }
            - name: ctx-b
              context: { cluster: b, namespace: beta }
            current-context: ctx-a
            """);

        var settings = KubeConfigLoader.Load(path, "ctx-b", TimeProvider.System);

        Assert.Equal(new Uri("https://b.example:6443"), settings.Server);
        Assert.Equal("beta", settings.Namespace);
        Assert.Null(settings.Token);
    }

    public static TheoryData<string, string, string> Broken => new()
    {
        {
            "unknown context",
            "contexts:\n- name: one\n  context: { cluster: c }\ncurrent-context: two\n",
            "context 'two' not found (defined: one)"
        },
        {
            "no context at all",
            "clusters: []\n",
            "no context was given and current-context is not set"
        },
        {
            "context without cluster",
            "contexts:\n- name: one\n  context: { namespace: x }\ncurrent-context: one\n",
            "context 'one' names no cluster"
        },
        {
            "unknown cluster",
            "contexts:\n- name: one\n  context: { cluster: gone }\ncurrent-context: one\n",
            "cluster 'gone' not found (defined: none)"
        },
        {
            "cluster without server",
            "clusters:\n- name: c\n  cluster: { insecure-skip-tls-verify: true }\ncontexts:\n- name: one\n  context: { cluster: c }\ncurrent-context: one\n",
            "cluster 'c' has no server"
        },
        {
            "malformed CA base64",
            "clusters:\n- name: c\n  cluster: { server: 'https://h', certificate-authority-data: '***' }\ncontexts:\n- name: one\n  context: { cluster: c }\ncurrent-context: one\n",
            "cluster 'c' certificate-authority-data is not valid base64"
        },
        {
            "CA that is no certificate",
            "clusters:\n- name: c\n  cluster: { server: 'https://h', certificate-authority-data: aGVsbG8= }\ncontexts:\n- name: one\n  context: { cluster: c }\ncurrent-context: one\n",
            "cluster 'c' certificate authority contains no PEM certificate"
        },
        {
            "unknown user",
            "clusters:\n- name: c\n  cluster: { server: 'https://h' }\ncontexts:\n- name: one\n  context: { cluster: c, user: u }\ncurrent-context: one\n",
            "user 'u' not found (defined: none)"
        },
        {
            "malformed key base64",
            "clusters:\n- name: c\n  cluster: { server: 'https://h' }\nusers:\n- name: u\n  user: { client-certificate-data: aGVsbG8=, client-key-data: '%%' }\ncontexts:\n- name: one\n  context: { cluster: c, user: u }\ncurrent-context: one\n",
            "user 'u' client-key-data is not valid base64"
        },
        {
            "certificate without key",
            "clusters:\n- name: c\n  cluster: { server: 'https://h' }\nusers:\n- name: u\n  user: { client-certificate-data: aGVsbG8= }\ncontexts:\n- name: one\n  context: { cluster: c, user: u }\ncurrent-context: one\n",
            "user 'u' has a client certificate but no client-key-data or client-key"
        },
        {
            "missing token file",
            "clusters:\n- name: c\n  cluster: { server: 'https://h' }\nusers:\n- name: u\n  user: { tokenFile: /nonexistent/token }\ncontexts:\n- name: one\n  context: { cluster: c, user: u }\ncurrent-context: one\n",
            "user 'u' tokenFile /nonexistent/token cannot be read"
        },
        {
            "not YAML",
            "clusters: [unclosed\n",
            "is not valid YAML"
        },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Load_BrokenKubeconfig_ThrowsNamingTheProblem(string name, string yaml, string expected)
    {
        var path = _directory.Write("config", yaml);

        var error = Assert.Throws<KubeConfigException>(() => KubeConfigLoader.Load(path, null, TimeProvider.System));

        Assert.True(error.Message.Contains(expected, StringComparison.Ordinal), $"{name}: {error.Message}");
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_InsecureAndAuthorityTogether_IsRejectedLikeKubectl()
    {
        var path = _directory.Write("config", KubeConfigYaml.For("https://h:6443")
            .AuthorityData(TestCertificates.CertificatePem(_certificates.Authority))
            .Cluster("insecure-skip-tls-verify: true")
            .Build());

        var error = Assert.Throws<KubeConfigException>(() => KubeConfigLoader.Load(path, null, TimeProvider.System));

        Assert.Contains("both a certificate authority and insecure-skip-tls-verify", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_ThrowsNamingThePath()
    {
        var path = _directory.File("absent");

        var error = Assert.Throws<KubeConfigException>(() => KubeConfigLoader.Load(path, null, TimeProvider.System));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    private static string Token(KubeConnectionSettings settings) =>
        settings.Token!.GetTokenAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
}
