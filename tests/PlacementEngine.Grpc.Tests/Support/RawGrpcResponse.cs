using System.Net;
using System.Net.Http.Headers;

namespace PlacementEngine.Grpc.Tests.Support;

/// <summary>What came back for a <see cref="RawGrpcCall"/>: headers, body bytes and trailers.</summary>
internal sealed record RawGrpcResponse(HttpStatusCode HttpStatus, HttpResponseHeaders Headers, byte[] Body, HttpResponseHeaders Trailers)
{
    public string? Header(string name) => Headers.TryGetValues(name, out var values) ? values.Single() : null;

    public string? Trailer(string name) => Trailers.TryGetValues(name, out var values) ? values.Single() : null;
}
