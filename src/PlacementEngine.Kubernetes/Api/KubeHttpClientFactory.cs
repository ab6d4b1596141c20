using System.Security.Cryptography.X509Certificates;
using PlacementEngine.Kubernetes.KubeConfig;

namespace PlacementEngine.Kubernetes.Api;

/// <summary>Builds the HttpClient for one cluster: its TLS trust, client certificate and bearer token.</summary>
internal static class KubeHttpClientFactory
{
    // API endpoints behind cloud load balancers change addresses; recycling connections picks that up.
    private static readonly TimeSpan ConnectionLifetime = TimeSpan.FromMinutes(5);

    /// <param name="requestTimeout">Bounds each request up to its response headers; watch streams then run on.</param>
    public static HttpClient Create(KubeConnectionSettings settings, TimeSpan requestTimeout)
    {
        var sockets = new SocketsHttpHandler { PooledConnectionLifetime = ConnectionLifetime };
        sockets.SslOptions.RemoteCertificateValidationCallback = ServerCertificateValidator.For(settings);
        if (settings.ClientCertificate is not null)
        {
            sockets.SslOptions.ClientCertificates = new X509CertificateCollection { settings.ClientCertificate };
        }
        HttpMessageHandler handler = settings.Token is null ? sockets : new BearerTokenHandler(settings.Token) { InnerHandler = sockets };
        return new HttpClient(handler, disposeHandler: true)
        {
            BaseAddress = WithTrailingSlash(settings.Server),
            Timeout = requestTimeout,
        };
    }

    // The server URL may carry a path prefix (an API proxy); request paths are relative to it.
    private static Uri WithTrailingSlash(Uri server) =>
        server.AbsoluteUri.EndsWith('/') ? server : new Uri(server.AbsoluteUri + "/");
}
