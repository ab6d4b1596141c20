using System.Net;
using System.Text;
using PlacementEngine.Kubernetes.Api;
using PlacementEngine.Kubernetes.Model;

namespace PlacementEngine.Kubernetes.Tests.Api;

/// <summary>How answers the fake server does not give (proxies, HTTP 410 on a watch) become errors.</summary>
public sealed class KubeApiClientTests
{
    [Fact]
    public async Task GetAsync_StatusBody_CarriesCodeReasonAndMessage()
    {
        using var client = ClientAnswering(HttpStatusCode.UnprocessableEntity,
            """{"kind":"Status","apiVersion":"v1","status":"Failure","message":"Job.batch \"x\" is invalid: spec.template.spec.containers[0].image: Required value","reason":"Invalid","code":422}""");

        var error = await Assert.ThrowsAsync<KubernetesApiException>(() => client.GetAsync<V1Job>("apis/batch/v1/namespaces/d/jobs/x", CancellationToken.None));

        Assert.Equal(422, error.Code);
        Assert.Equal("Invalid", error.Reason);
        Assert.Equal("Job.batch \"x\" is invalid: spec.template.spec.containers[0].image: Required value", error.StatusMessage);
    }

    [Fact]
    public async Task GetAsync_ProxyErrorPage_KeepsTheHttpCodeAndBody()
    {
        using var client = ClientAnswering(HttpStatusCode.BadGateway, "<html>upstream connect error</html>");

        var error = await Assert.ThrowsAsync<KubernetesApiException>(() => client.GetAsync<V1Job>("apis/batch/v1/namespaces/d/jobs/x", CancellationToken.None));

        Assert.Equal(502, error.Code);
        Assert.Equal("BadGateway", error.Reason);
        Assert.Contains("upstream connect error", error.StatusMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WatchAsync_HttpGone_IsGone()
    {
        using var client = ClientAnswering(HttpStatusCode.Gone, """{"kind":"Status","status":"Failure","reason":"Expired","message":"too old resource version: 1 (50)","code":410}""");

        var error = await Assert.ThrowsAsync<KubernetesApiException>(() => ReadAllAsync(client));

        Assert.True(error.IsGone);
        Assert.Equal("Expired", error.Reason);
    }

    [Fact]
    public async Task WatchAsync_ErrorEventInStream_EndsWithItsStatus()
    {
        using var client = ClientAnswering(HttpStatusCode.OK, """
            {"type":"ADDED","object":{"kind":"Job","metadata":{"name":"a","resourceVersion":"7"}}}
            {"type":"ERROR","object":{"kind":"Status","status":"Failure","reason":"Expired","message":"too old resource version: 7 (9)","code":410}}
            """);
        var seen = new List<string>();

        var error = await Assert.ThrowsAsync<KubernetesApiException>(() => ReadAllAsync(client, seen));

        Assert.True(error.IsGone);
        Assert.Equal(["ADDED a"], seen);
    }

    [Fact]
    public async Task WatchAsync_Bookmark_IsPassedOnWithItsVersion()
    {
        using var client = ClientAnswering(HttpStatusCode.OK, """{"type":"BOOKMARK","object":{"kind":"Job","apiVersion":"batch/v1","metadata":{"resourceVersion":"12"}}}""" + "\n");
        var events = new List<WatchEvent<V1Job>>();

        await foreach (var change in client.WatchAsync<V1Job>("apis/batch/v1/namespaces/d/jobs", new WatchRequest(null, "1", TimeSpan.FromMinutes(1)), CancellationToken.None))
        {
            events.Add(change);
        }

        var bookmark = Assert.Single(events);
        Assert.Equal(("BOOKMARK", "12"), (bookmark.Type, bookmark.Object.Metadata?.ResourceVersion));
    }

    private static async Task ReadAllAsync(KubeApiClient client, List<string>? seen = null)
    {
        await foreach (var change in client.WatchAsync<V1Job>("apis/batch/v1/namespaces/d/jobs", new WatchRequest("a", "1", TimeSpan.FromMinutes(1)), CancellationToken.None))
        {
            seen?.Add($"{change.Type} {change.Object.Metadata?.Name}");
        }
    }

    private static KubeApiClient ClientAnswering(HttpStatusCode code, string body) =>
        new(new HttpClient(new StubHandler(code, body)) { BaseAddress = new Uri("https://kube.test/") });

    private sealed class StubHandler(HttpStatusCode code, string body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(code) { Content = new StringContent(body, Encoding.UTF8, "application/json"), RequestMessage = request });
    }
}
