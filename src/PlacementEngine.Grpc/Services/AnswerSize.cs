using Google.Protobuf;
using Grpc.Core;

namespace PlacementEngine.Grpc.Services;

/// <summary>
/// Answers a client can receive. gRPC clients refuse messages above 4 MiB unless configured otherwise, and a refused
/// answer reaches the user as a transport error after the server did all the work; a clear refusal naming the fix
/// is better.
/// </summary>
internal static class AnswerSize
{
    /// <summary>The receive limit of default gRPC clients (Grpc.Net.Client, grpcio, grpc-go, grpc-java).</summary>
    public const int DefaultClientReceiveBytes = 4 * 1024 * 1024;

    /// <summary>The answer itself, or RESOURCE_EXHAUSTED saying its size and <paramref name="fix"/>.</summary>
    public static T Receivable<T>(T answer, string fix)
        where T : IMessage
    {
        var bytes = answer.CalculateSize();
        return bytes <= DefaultClientReceiveBytes
            ? answer
            : throw Rpc.Error(
                StatusCode.ResourceExhausted,
                $"the answer would be {bytes} bytes, more than the {DefaultClientReceiveBytes} bytes (4 MiB) a default gRPC client receives; {fix}");
    }
}
