using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using PlacementEngine.Kubernetes.Api;
using PlacementEngine.Kubernetes.Tests.Support;

namespace PlacementEngine.Kubernetes.Tests.Api;

public sealed class ServerCertificateValidatorTests : IDisposable
{
    private readonly TestCertificates _certificates = TestCertificates.Create();
    private readonly TestCertificates _stranger = TestCertificates.Create("stranger-ca");

    public void Dispose()
    {
        _certificates.Dispose();
        _stranger.Dispose();
    }

    [Fact]
    public void Validate_IssuedByTrustedAuthority_Accepts()
    {
        Assert.True(Validate(_certificates.Server, SslPolicyErrors.RemoteCertificateChainErrors, _certificates.Authority, tlsServerName: null));
    }

    [Fact]
    public void Validate_IssuedByAnotherAuthority_Rejects()
    {
        Assert.False(Validate(_stranger.Server, SslPolicyErrors.RemoteCertificateChainErrors, _certificates.Authority, tlsServerName: null));
    }

    [Fact]
    public void Validate_ClientCertificatePresentedAsServer_Rejects()
    {
        Assert.False(Validate(_certificates.Client, SslPolicyErrors.RemoteCertificateChainErrors, _certificates.Authority, tlsServerName: null));
    }

    [Fact]
    public void Validate_HostNameMismatch_Rejects()
    {
        Assert.False(Validate(_certificates.Server, SslPolicyErrors.RemoteCertificateNameMismatch, _certificates.Authority, tlsServerName: null));
    }

    [Theory]
    [InlineData("localhost", true)]
    [InlineData("kubernetes.default.svc", false)]
    public void Validate_TlsServerName_IsCheckedInsteadOfTheUrlHost(string tlsServerName, bool expected)
    {
        Assert.Equal(expected, Validate(_certificates.Server, SslPolicyErrors.RemoteCertificateNameMismatch, _certificates.Authority, tlsServerName));
    }

    private static bool Validate(X509Certificate2 presented, SslPolicyErrors errors, X509Certificate2 authority, string? tlsServerName) =>
        ServerCertificateValidator.Validate(presented, null, errors, new X509Certificate2Collection(authority), tlsServerName);
}
