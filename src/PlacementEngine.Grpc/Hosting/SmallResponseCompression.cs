using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace PlacementEngine.Grpc.Hosting;

/// <summary>
/// Sends small unary responses uncompressed although the client accepts gzip. Below a kilobyte gzip saves a few
/// bytes on loopback or a LAN but sets up a deflate stream per response: on SubmitJob that was the largest single
/// cost after the database, and much of the garbage. Large answers (a page of jobs, a plan) stay compressed.
/// </summary>
internal sealed class SmallResponseCompression : Interceptor
{
    /// <summary>Responses smaller than this many bytes go uncompressed.</summary>
    public const int MinCompressedBytes = 1024;

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var response = await continuation(request, context).ConfigureAwait(false);
        if (response is IMessage message && message.CalculateSize() < MinCompressedBytes)
        {
            context.WriteOptions = new WriteOptions(WriteFlags.NoCompress);
        }
        return response;
    }
}
