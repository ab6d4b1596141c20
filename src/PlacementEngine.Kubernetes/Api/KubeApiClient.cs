using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using PlacementEngine.Kubernetes.Model;

namespace PlacementEngine.Kubernetes.Api;

/// <summary>
/// The few Kubernetes REST calls the executor makes, on paths relative to the server URL
/// (e.g. "apis/batch/v1/namespaces/default/jobs"). Refusals surface as <see cref="KubernetesApiException"/>;
/// transport failures as <see cref="HttpRequestException"/>.
/// </summary>
internal sealed class KubeApiClient(HttpClient http) : IDisposable
{
    public async Task<T> GetAsync<T>(string path, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(path, cancellationToken);
        return await ReadAsync<T>(response, cancellationToken);
    }

    public async Task<T> CreateAsync<T>(string path, T body, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(path, body, KubeJson.Options, cancellationToken);
        return await ReadAsync<T>(response, cancellationToken);
    }

    public async Task DeleteAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await http.DeleteAsync(path, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    /// <summary>One page of a collection; <see cref="V1ListMeta.Continue"/> says whether more follow.</summary>
    public async Task<V1List<T>> ListAsync<T>(string path, ListRequest request, CancellationToken cancellationToken)
    {
        var query = new QueryBuilder()
            .Add("labelSelector", request.LabelSelector)
            .Add("limit", request.Limit?.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Add("continue", request.Continue);
        return await GetAsync<V1List<T>>(path + query, cancellationToken);
    }

    /// <summary>
    /// Events after <see cref="WatchRequest.ResourceVersion"/> until the server ends the stream.
    /// An ERROR event ends the enumeration with the <see cref="KubernetesApiException"/> it carries (410 when the
    /// version is too old), as does an HTTP error on the request itself.
    /// </summary>
    public async IAsyncEnumerable<WatchEvent<T>> WatchAsync<T>(string path, WatchRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var query = new QueryBuilder()
            .Add("watch", "true")
            .Add("labelSelector", request.LabelSelector)
            .Add("resourceVersion", request.ResourceVersion)
            .Add("allowWatchBookmarks", "true")
            .Add("timeoutSeconds", ((long)request.Timeout.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var response = await http.GetAsync(path + query, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                yield return Decode<T>(line);
            }
        }
    }

    /// <summary>The HTTP status of a plain GET, for health endpoints such as /readyz.</summary>
    public async Task<HttpStatusCode> ProbeAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        return response.StatusCode;
    }

    public void Dispose() => http.Dispose();

    private static WatchEvent<T> Decode<T>(string line)
    {
        var frame = JsonSerializer.Deserialize<WatchEventFrame>(line, KubeJson.Options);
        if (frame?.Type is null)
        {
            throw new JsonException("watch event without a type");
        }
        if (frame.Type == WatchEventTypes.Error)
        {
            var status = frame.Object.Deserialize<V1Status>(KubeJson.Options);
            throw KubernetesApiException.From(status?.Code ?? (int)HttpStatusCode.InternalServerError, status, line);
        }
        var value = frame.Object.Deserialize<T>(KubeJson.Options) ?? throw new JsonException($"{frame.Type} watch event without an object");
        return new WatchEvent<T>(frame.Type, value);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadFromJsonAsync<T>(KubeJson.Options, cancellationToken)
            ?? throw new JsonException($"empty response body from {response.RequestMessage?.RequestUri}");
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        throw KubernetesApiException.From((int)response.StatusCode, TryParseStatus(body), body);
    }

    private static V1Status? TryParseStatus(string body)
    {
        try
        {
            var status = JsonSerializer.Deserialize<V1Status>(body, KubeJson.Options);
            return status?.Kind == V1Status.StatusKind ? status : null;
        }
        catch (JsonException)
        {
            // Proxies and load balancers in front of the API answer errors in HTML or plain text.
            return null;
        }
    }
}

internal sealed record ListRequest(string? LabelSelector, int? Limit = null, string? Continue = null);

/// <param name="Timeout">Asks the server to end the stream after this long, so a silently dead connection is noticed.</param>
internal sealed record WatchRequest(string? LabelSelector, string ResourceVersion, TimeSpan Timeout);
