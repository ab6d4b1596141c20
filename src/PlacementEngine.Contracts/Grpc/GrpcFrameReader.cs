using System.Buffers;
using System.IO.Pipelines;

namespace PlacementEngine.Contracts.Grpc;

/// <summary>
/// Reads length-prefixed gRPC messages. A frame may arrive split over any number of reads.
/// Returns null at a clean end of stream; throws <see cref="RpcException"/> for a truncated, compressed or oversized frame.
/// The size limit is checked on the prefix, before the body is buffered.
/// </summary>
public static class GrpcFrameReader
{
    public static async ValueTask<byte[]?> ReadMessageAsync(Stream stream, int maxMessageBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var prefix = new byte[GrpcFrameHeader.Size];
        var got = await ReadAtMostAsync(stream, prefix, cancellationToken).ConfigureAwait(false);
        if (got == 0)
        {
            return null;
        }
        if (got < prefix.Length)
        {
            throw Truncated(got, prefix.Length);
        }
        var header = GrpcFrameHeader.Parse(prefix, maxMessageBytes);
        var message = new byte[header.Length];
        got = await ReadAtMostAsync(stream, message, cancellationToken).ConfigureAwait(false);
        if (got < message.Length)
        {
            throw Truncated(got, message.Length);
        }
        return message;
    }

    public static async ValueTask<byte[]?> ReadMessageAsync(PipeReader reader, int maxMessageBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            byte[]? message;
            try
            {
                message = TryReadFrame(ref buffer, maxMessageBytes);
            }
            catch
            {
                reader.AdvanceTo(buffer.Start);
                throw;
            }
            if (message is not null)
            {
                reader.AdvanceTo(buffer.Start);
                return message;
            }
            if (result.IsCanceled)
            {
                // CancelPendingRead: the reader was told to stop, which is not the end of the stream.
                reader.AdvanceTo(buffer.Start, buffer.End);
                throw new OperationCanceledException("the read of a gRPC frame was cancelled");
            }
            if (result.IsCompleted)
            {
                var left = buffer.Length;
                reader.AdvanceTo(buffer.End);
                if (left == 0)
                {
                    return null;
                }
                throw new RpcException(StatusCode.Internal, $"the stream ended inside a gRPC frame ({left} bytes of an incomplete frame)");
            }
            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    /// <summary>One whole frame's message from the front of <paramref name="buffer"/>, or null when more bytes are needed.</summary>
    public static byte[]? TryReadFrame(ref ReadOnlySequence<byte> buffer, int maxMessageBytes)
    {
        if (buffer.Length < GrpcFrameHeader.Size)
        {
            return null;
        }
        Span<byte> prefix = stackalloc byte[GrpcFrameHeader.Size];
        buffer.Slice(0, GrpcFrameHeader.Size).CopyTo(prefix);
        var header = GrpcFrameHeader.Parse(prefix, maxMessageBytes);
        if (buffer.Length < GrpcFrameHeader.Size + (long)header.Length)
        {
            return null;
        }
        var body = buffer.Slice(GrpcFrameHeader.Size, header.Length);
        var message = body.ToArray();
        buffer = buffer.Slice(body.End);
        return message;
    }

    private static async ValueTask<int> ReadAtMostAsync(Stream stream, byte[] destination, CancellationToken cancellationToken)
    {
        var total = 0;
        while (total < destination.Length)
        {
            var read = await stream.ReadAsync(destination.AsMemory(total), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }
            total += read;
        }
        return total;
    }

    private static RpcException Truncated(int got, int expected) =>
        new(StatusCode.Internal, $"the stream ended inside a gRPC frame (got {got} of {expected} bytes)");
}
