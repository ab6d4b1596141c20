using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Server.Tests.EndToEnd;

public sealed class TlsTests
{
    [Fact]
    public async Task Server_WithTlsCertificate_ServesGrpcOverTlsOnly()
    {
        using var certificate = SelfSigned();
        await using var server = await ServerProcess.StartAsync(certificate);

        using var client = server.Connect(DemoTokens.Vision);
        var clusters = await client.Fleet.ListClustersAsync(new ListClustersRequest());

        Assert.Equal(Uri.UriSchemeHttps, server.Address.Scheme);
        Assert.True(await server.IsServingAsync());
        Assert.NotEmpty(clusters.Clusters);
        using var plaintext = new ServerConnection(new Uri($"http://127.0.0.1:{server.GrpcPort}"), DemoTokens.Vision);
        await Assert.ThrowsAsync<RpcException>(async () =>
            await plaintext.Fleet.ListClustersAsync(new ListClustersRequest(), deadline: ServerConnection.In(TimeSpan.FromSeconds(5))));
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=placement-test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
    }
}
