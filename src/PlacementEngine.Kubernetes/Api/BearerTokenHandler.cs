using System.Net.Http.Headers;
using PlacementEngine.Kubernetes.KubeConfig;

namespace PlacementEngine.Kubernetes.Api;

/// <summary>Puts the current bearer token on every request; the token may change between requests (token files rotate).</summary>
internal sealed class BearerTokenHandler(ITokenSource tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetTokenAsync(cancellationToken));
        return await base.SendAsync(request, cancellationToken);
    }
}
