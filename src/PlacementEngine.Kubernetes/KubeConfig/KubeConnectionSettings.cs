using System.Security.Cryptography.X509Certificates;

namespace PlacementEngine.Kubernetes.KubeConfig;

/// <summary>Everything needed to talk to one cluster's API, resolved from one kubeconfig context.</summary>
/// <param name="TrustedAuthorities">The only roots the server certificate may chain to; empty means the system roots.</param>
/// <param name="TlsServerName">The name the server certificate must carry when it differs from the server URL's host.</param>
/// <param name="Token">Bearer token for every request, or null (client certificate or anonymous).</param>
internal sealed record KubeConnectionSettings(
    string ContextName,
    Uri Server,
    string Namespace,
    X509Certificate2Collection TrustedAuthorities,
    bool InsecureSkipTlsVerify,
    string? TlsServerName,
    X509Certificate2? ClientCertificate,
    ITokenSource? Token);
