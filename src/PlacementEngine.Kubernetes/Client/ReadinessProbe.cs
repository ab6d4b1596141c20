using System.Net;

namespace PlacementEngine.Kubernetes.Client;

/// <summary>
/// GET /readyz with the client's credentials. Hand-written because the package generates calls for the resource API
/// only, not for the server's health endpoints.
/// </summary>
internal static class ReadinessProbe
{
    public static async Task<bool> IsReadyAsync(k8s.Kubernetes client, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(client.BaseUri, "readyz"));
        if (client.Credentials is { } credentials)
        {
            await credentials.ProcessHttpRequestAsync(request, linked.Token);
        }
        using var response = await client.HttpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
        return response.StatusCode == HttpStatusCode.OK;
    }
}
