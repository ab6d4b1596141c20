using System.Buffers;
using Google.Protobuf;

namespace PlacementEngine.Contracts.Grpc;

/// <summary>Writes protobuf messages as uncompressed, length-prefixed gRPC frames.</summary>
public static class GrpcFrameWriter
{
    public static byte[] ToFrame(IMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var size = message.CalculateSize();
        var frame = new byte[GrpcFrameHeader.Size + size];
        new GrpcFrameHeader(false, size).WriteTo(frame);
        message.WriteTo(frame.AsSpan(GrpcFrameHeader.Size));
        return frame;
    }

    /// <summary>Writes one frame into <paramref name="writer"/> (e.g. a response PipeWriter) without an intermediate copy.</summary>
    public static void Write(IBufferWriter<byte> writer, IMessage message)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(message);
        var size = message.CalculateSize();
        var prefix = writer.GetSpan(GrpcFrameHeader.Size);
        new GrpcFrameHeader(false, size).WriteTo(prefix);
        writer.Advance(GrpcFrameHeader.Size);
        if (size > 0)
        {
            message.WriteTo(writer.GetSpan(size)[..size]);
            writer.Advance(size);
        }
    }

    public static ValueTask WriteAsync(Stream stream, IMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return stream.WriteAsync(ToFrame(message), cancellationToken);
    }
}
