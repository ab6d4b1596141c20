using System.Net.Http;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using PlacementEngine.Cli.Config;

namespace PlacementEngine.Cli.Api;

/// <summary>An HTTP handler that trusts the server's certificate when a private CA (a context's certificate-authority) signed it.</summary>
internal static class TrustedAuthority
{
    /// <summary>
    /// The CA's certificates replace the system's roots for this connection, as kubectl's certificate-authority does;
    /// the name on the server's certificate is still checked against the address.
    /// </summary>
    public static SocketsHttpHandler Handler(string pemFile)
    {
        var authorities = Load(pemFile);
        var policy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck };
        policy.CustomTrustStore.AddRange(authorities);
        var handler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true };
        handler.SslOptions.CertificateChainPolicy = policy;
        return handler;
    }

    private static X509Certificate2Collection Load(string pemFile)
    {
        var certificates = new X509Certificate2Collection();
        try
        {
            certificates.ImportFromPemFile(pemFile);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ConfigException($"certificate-authority {pemFile} not found");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new ConfigException($"cannot read certificate-authority {pemFile}: {e.Message}");
        }

        return certificates.Count > 0 ? certificates : throw new ConfigException($"certificate-authority {pemFile} holds no PEM certificate");
    }
}
