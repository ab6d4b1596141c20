using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using PlacementEngine.Cli.Errors;
using PlacementEngine.Cli.Tests.Fakes;

namespace PlacementEngine.Cli.Tests.Wire;

/// <summary>placectl against a TLS server with a self-signed certificate: the cause of a failed handshake is shown, and a context's CA is trusted.</summary>
public sealed class TlsTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task AnyCommand_ContextTrustsTheServersCa_ConnectsOverTls()
    {
        using var certificate = SelfSigned(names => names.AddIpAddress(IPAddress.Loopback));
        await using var server = await InProcessGrpcServer.StartAsync(certificate);
        server.Jobs.OnGet = (_, _) => Task.FromResult(Samples.RunningJob("job-1"));

        var result = await RunWithContextAsync(certificate, $"https://127.0.0.1:{server.Address.Port}");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("job-1", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyCommand_CertificateForAnotherName_UnreachableNamingTheMismatchWithAHint()
    {
        using var certificate = SelfSigned(names => names.AddDnsName("placement.example"));
        await using var server = await InProcessGrpcServer.StartAsync(certificate);
        var address = $"https://127.0.0.1:{server.Address.Port}";

        var result = await RunWithContextAsync(certificate, address);

        Assert.Equal(ExitCodes.Unreachable, result.ExitCode);
        Assert.StartsWith($"error: cannot connect to the placement server at {address}: TLS handshake failed: ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("RemoteCertificateNameMismatch", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("hint: the server's certificate is not trusted, or names another host.", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyCommand_HttpsToAPlaintextServer_UnreachableNamingTheTlsFailure()
    {
        await using var server = await InProcessGrpcServer.StartAsync();
        var address = $"https://127.0.0.1:{server.Address.Port}";
        File.WriteAllText(_directory.File("config.yaml"), $"current-context: tls\ncontexts:\n  - name: tls\n    server: {address}\n");

        var result = await new TlsPlacectl(_directory.File("config.yaml")).RunAsync("jobs", "get", "job-1");

        Assert.Equal(ExitCodes.Unreachable, result.ExitCode);
        Assert.StartsWith($"error: cannot connect to the placement server at {address}: TLS handshake failed: ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyCommand_HttpToATlsServer_UnreachableSuggestingHttps()
    {
        using var certificate = SelfSigned(names => names.AddIpAddress(IPAddress.Loopback));
        await using var server = await InProcessGrpcServer.StartAsync(certificate);
        var address = $"http://127.0.0.1:{server.Address.Port}";
        File.WriteAllText(_directory.File("config.yaml"), $"current-context: tls\ncontexts:\n  - name: tls\n    server: {address}\n");

        var result = await new TlsPlacectl(_directory.File("config.yaml")).RunAsync("jobs", "get", "job-1");

        Assert.Equal(ExitCodes.Unreachable, result.ExitCode);
        Assert.Equal(
            $"error: cannot connect to the placement server at {address}: it did not answer the HTTP/2 handshake\n" +
            $"hint: if the server serves TLS, use https://, e.g. --server https://127.0.0.1:{server.Address.Port}\n",
            result.Stderr);
    }

    [Fact]
    public async Task AnyCommand_ContextCaFileMissing_UsageErrorNamingIt()
    {
        var config = _directory.File("config.yaml");
        File.WriteAllText(config, "current-context: prod\ncontexts:\n  - name: prod\n    server: https://127.0.0.1:1\n    certificate-authority: missing.pem\n");
        var placectl = new TlsPlacectl(config);

        var result = await placectl.RunAsync("clusters", "list");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Equal($"error: certificate-authority {_directory.File("missing.pem")} not found\n", result.Stderr);
    }

    private async Task<PlacectlResult> RunWithContextAsync(X509Certificate2 authority, string server)
    {
        File.WriteAllText(_directory.File("ca.pem"), authority.ExportCertificatePem());
        var config = _directory.File("config.yaml");
        File.WriteAllText(config, $"current-context: tls\ncontexts:\n  - name: tls\n    server: {server}\n    certificate-authority: ca.pem\n");
        return await new TlsPlacectl(config).RunAsync("jobs", "get", "job-1");
    }

    private static X509Certificate2 SelfSigned(Action<SubjectAlternativeNameBuilder> addNames)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=placectl-tls-test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        addNames(names);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        var now = TimeProvider.System.GetUtcNow();
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
    }

    /// <summary>The real client (no fake API) with only the config file in its environment.</summary>
    private sealed class TlsPlacectl(string config)
    {
        public async Task<PlacectlResult> RunAsync(params string[] args)
        {
            var stdout = new StringWriter { NewLine = "\n" };
            var stderr = new StringWriter { NewLine = "\n" };
            var environment = new Dictionary<string, string> { ["PLACECTL_CONFIG"] = config };
            var exitCode = await PlacectlApp.RunAsync(args, stdout, stderr, environment.GetValueOrDefault);
            return new PlacectlResult(exitCode, stdout.ToString(), stderr.ToString());
        }
    }
}
