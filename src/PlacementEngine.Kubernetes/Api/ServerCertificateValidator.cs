using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using PlacementEngine.Kubernetes.KubeConfig;

namespace PlacementEngine.Kubernetes.Api;

/// <summary>
/// Checks the API server's certificate the way kubectl does: against the kubeconfig's certificate authority only
/// (cluster CAs are private, and trusting the system roots as well would let any public CA vouch for the cluster).
/// </summary>
internal static class ServerCertificateValidator
{
    private static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1");

    /// <summary>Null means the platform's default validation (system roots, URL host name).</summary>
    public static RemoteCertificateValidationCallback? For(KubeConnectionSettings settings)
    {
        if (settings.InsecureSkipTlsVerify)
        {
            // The kubeconfig asked for exactly this (test clusters); it is never the default.
#pragma warning disable CA5359
            return (_, _, _, _) => true;
#pragma warning restore CA5359
        }
        if (settings.TrustedAuthorities.Count == 0 && settings.TlsServerName is null)
        {
            return null;
        }
        return (_, certificate, chain, errors) => Validate(certificate, chain, errors, settings.TrustedAuthorities, settings.TlsServerName);
    }

    internal static bool Validate(X509Certificate? presented, X509Chain? presentedChain, SslPolicyErrors errors, X509Certificate2Collection trusted, string? tlsServerName)
    {
        if (presented is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return false;
        }
        var certificate = presented as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(presented.GetRawCertData());
        var nameMatches = tlsServerName is null
            ? !errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch)
            : certificate.MatchesHostname(tlsServerName);
        if (!nameMatches)
        {
            return false;
        }
        if (trusted.Count == 0)
        {
            return !errors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors);
        }
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(trusted);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        chain.ChainPolicy.ApplicationPolicy.Add(ServerAuthentication);
        if (presentedChain is not null)
        {
            // Intermediates the server sent along with its certificate.
            chain.ChainPolicy.ExtraStore.AddRange(presentedChain.ChainPolicy.ExtraStore);
            foreach (var element in presentedChain.ChainElements.Skip(1))
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }
        return chain.Build(certificate);
    }
}
