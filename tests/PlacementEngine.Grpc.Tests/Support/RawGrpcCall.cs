using System.Net;
using System.Net.Http.Headers;

namespace PlacementEngine.Grpc.Tests.Support;

/// <summary>A hand-made HTTP/2 request, for what GrpcClient never sends (compressed frames, garbage, wrong methods).</summary>
internal static class RawGrpcCall
{
    public static async Task<RawGrpcResponse> SendAsync(
        Uri address,
        string path,
        byte[] body,
        HttpMethod? method = null,
        string contentType = "application/grpc",
        IReadOnlyDictionary<string, string>? headers = null)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(method ?? HttpMethod.Post, new Uri(address, path))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        if (method is null || method == HttpMethod.Post)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }
        request.Headers.TE.ParseAdd("trailers");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", GrpcTestHost.AdminToken);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        using var response = await http.SendAsync(request);
        var content = await response.Content.ReadAsByteArrayAsync();
        return new RawGrpcResponse(response.StatusCode, response.Headers, content, response.TrailingHeaders);
    }
}
