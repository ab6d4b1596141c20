using System.Buffers.Binary;

namespace PlacementEngine.Contracts.Grpc;

/// <summary>
/// The 5-byte prefix of every gRPC message: a compressed flag (0 or 1) and the message length, big-endian.
/// </summary>
public readonly record struct GrpcFrameHeader(bool Compressed, int Length)
{
    public const int Size = 5;

    /// <summary>Reads and checks a prefix. Throws <see cref="RpcException"/> for anything this implementation will not accept.</summary>
    public static GrpcFrameHeader Parse(ReadOnlySpan<byte> prefix, int maxMessageBytes)
    {
        var flag = prefix[0];
        if (flag > 1)
        {
            throw new RpcException(StatusCode.Internal, $"invalid gRPC frame: compressed flag is {flag}, expected 0 or 1");
        }
        if (flag == 1)
        {
            // Identity is the only encoding we advertise, so a compressed frame is a peer that ignored grpc-accept-encoding.
            throw new RpcException(StatusCode.Unimplemented, GrpcProtocol.CompressionNotSupported);
        }
        var length = BinaryPrimitives.ReadUInt32BigEndian(prefix[1..Size]);
        if (length > (uint)maxMessageBytes)
        {
            throw new RpcException(
                StatusCode.ResourceExhausted,
                $"received message of {length} bytes exceeds the maximum of {maxMessageBytes} bytes");
        }
        return new GrpcFrameHeader(false, (int)length);
    }

    public void WriteTo(Span<byte> destination)
    {
        destination[0] = Compressed ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt32BigEndian(destination[1..Size], (uint)Length);
    }
}
