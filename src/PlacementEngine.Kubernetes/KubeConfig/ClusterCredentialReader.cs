using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace PlacementEngine.Kubernetes.KubeConfig;

/// <summary>Reads a kubeconfig cluster entry: where the API is and which certificate authority vouches for it.</summary>
internal sealed class ClusterCredentialReader(KubeConfigSource source, string name, ClusterEntry cluster)
{
    private string Owner => $"cluster '{name}'";

    public Uri ReadServer()
    {
        if (string.IsNullOrWhiteSpace(cluster.Server))
        {
            throw source.Error($"{Owner} has no server");
        }
        var text = cluster.Server.Trim();
        // kubectl accepts a bare host:port and assumes https.
        if (!text.Contains("://", StringComparison.Ordinal))
        {
            text = "https://" + text;
        }
        if (!Uri.TryCreate(text, UriKind.Absolute, out var server) || (server.Scheme != Uri.UriSchemeHttps && server.Scheme != Uri.UriSchemeHttp))
        {
            throw source.Error($"{Owner} server '{cluster.Server}' is not an http or https URL");
        }
        return server;
    }

    public X509Certificate2Collection ReadTrustedAuthorities()
    {
        var pem = source.ReadDataOrFile(Owner, "certificate-authority-data", cluster.CertificateAuthorityData, "certificate-authority", cluster.CertificateAuthority);
        var authorities = new X509Certificate2Collection();
        if (pem is null)
        {
            return authorities;
        }
        if (cluster.InsecureSkipTlsVerify)
        {
            // Same rule as kubectl: trusting a CA and skipping verification contradict each other.
            throw source.Error($"{Owner} sets both a certificate authority and insecure-skip-tls-verify");
        }
        try
        {
            authorities.ImportFromPem(Encoding.UTF8.GetString(pem));
        }
        catch (CryptographicException e)
        {
            throw source.Error($"{Owner} certificate authority is not a valid PEM certificate: {e.Message}", e);
        }
        return authorities.Count > 0 ? authorities : throw source.Error($"{Owner} certificate authority contains no PEM certificate");
    }
}
