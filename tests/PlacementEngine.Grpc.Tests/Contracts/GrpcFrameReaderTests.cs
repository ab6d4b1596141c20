using System.IO.Pipelines;
using PlacementEngine.Contracts.Grpc;
using PlacementEngine.Contracts.V1;
using PlacementEngine.Grpc.Tests.Support;

namespace PlacementEngine.Grpc.Tests.Contracts;

public sealed class GrpcFrameReaderTests
{
    private const int Max = 1024;

    private static byte[] Frame(byte flag, uint length, byte[]? body = null)
    {
        var frame = new byte[5 + (body?.Length ?? 0)];
        frame[0] = flag;
        frame[1] = (byte)(length >> 24);
        frame[2] = (byte)(length >> 16);
        frame[3] = (byte)(length >> 8);
        frame[4] = (byte)length;
        body?.CopyTo(frame, 5);
        return frame;
    }

    [Fact]
    public void ToFrame_Message_PrefixesUncompressedBigEndianLength()
    {
        var message = new GetJobRequest { Id = new string('x', 300) };

        var frame = GrpcFrameWriter.ToFrame(message);

        Assert.Equal(0, frame[0]);
        Assert.Equal(new byte[] { 0, 0, 0x01, 0x2F }, frame[1..5]); // 303 bytes: tag, 2-byte varint length, 300 chars
        Assert.Equal(message, GetJobRequest.Parser.ParseFrom(frame[5..]));
    }

    [Fact]
    public void Write_BufferWriter_ProducesSameBytesAsToFrame()
    {
        var message = new GetJobRequest { Id = "job-1" };
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();

        GrpcFrameWriter.Write(buffer, message);

        Assert.Equal(GrpcFrameWriter.ToFrame(message), buffer.WrittenSpan.ToArray());
    }

    [Fact]
    public async Task ReadMessageAsync_StreamDeliversOneByteAtATime_ReassemblesEveryMessage()
    {
        var first = new GetJobRequest { Id = "first" };
        var second = new GetJobRequest { Id = "second" };
        var stream = new TrickleStream([.. GrpcFrameWriter.ToFrame(first), .. GrpcFrameWriter.ToFrame(second)]);

        var a = await GrpcFrameReader.ReadMessageAsync(stream, Max, CancellationToken.None);
        var b = await GrpcFrameReader.ReadMessageAsync(stream, Max, CancellationToken.None);
        var end = await GrpcFrameReader.ReadMessageAsync(stream, Max, CancellationToken.None);

        Assert.Equal(first, GetJobRequest.Parser.ParseFrom(a));
        Assert.Equal(second, GetJobRequest.Parser.ParseFrom(b));
        Assert.Null(end);
    }

    [Fact]
    public async Task ReadMessageAsync_PipeReceivesFrameInPieces_WaitsForTheWholeFrame()
    {
        var pipe = new Pipe();
        var frame = GrpcFrameWriter.ToFrame(new GetJobRequest { Id = "split-across-reads" });

        var read = GrpcFrameReader.ReadMessageAsync(pipe.Reader, Max, CancellationToken.None).AsTask();
        await pipe.Writer.WriteAsync(frame.AsMemory(0, 3));
        Assert.False(read.IsCompleted);
        await pipe.Writer.WriteAsync(frame.AsMemory(3, 6));
        Assert.False(read.IsCompleted);
        await pipe.Writer.WriteAsync(frame.AsMemory(9));
        await pipe.Writer.CompleteAsync();

        Assert.Equal("split-across-reads", GetJobRequest.Parser.ParseFrom(await read).Id);
        Assert.Null(await GrpcFrameReader.ReadMessageAsync(pipe.Reader, Max, CancellationToken.None));
    }

    [Fact]
    public async Task ReadMessageAsync_ZeroLengthMessage_ReturnsEmptyMessage()
    {
        var stream = new MemoryStream(Frame(0, 0));

        var message = await GrpcFrameReader.ReadMessageAsync(stream, Max, CancellationToken.None);

        Assert.NotNull(message);
        Assert.Empty(message);
    }

    [Fact]
    public async Task ReadMessageAsync_PrefixAnnouncesMoreThanMax_ResourceExhaustedWithoutWaitingForTheBody()
    {
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(Frame(0, Max + 1));

        var ex = await Assert.ThrowsAsync<RpcException>(() => GrpcFrameReader.ReadMessageAsync(pipe.Reader, Max, CancellationToken.None).AsTask());

        Assert.Equal(StatusCode.ResourceExhausted, ex.Status);
        Assert.Contains("1025 bytes", ex.Detail, StringComparison.Ordinal);
        Assert.Contains("maximum of 1024 bytes", ex.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadMessageAsync_MessageExactlyAtMax_IsAccepted()
    {
        var stream = new MemoryStream(Frame(0, Max, new byte[Max]));

        var message = await GrpcFrameReader.ReadMessageAsync(stream, Max, CancellationToken.None);

        Assert.Equal(Max, message!.Length);
    }

    [Fact]
    public async Task ReadMessageAsync_CompressedFlag_UnimplementedAskingForIdentity()
    {
        var stream = new MemoryStream(Frame(1, 2, [0x0A, 0x00]));

        var ex = await Assert.ThrowsAsync<RpcException>(() => GrpcFrameReader.ReadMessageAsync(stream, Max, CancellationToken.None).AsTask());

        Assert.Equal(StatusCode.Unimplemented, ex.Status);
        Assert.Equal("compressed messages are not supported; send identity", ex.Detail);
    }

    [Fact]
    public async Task ReadMessageAsync_InvalidFlag_Internal()
    {
        var stream = new MemoryStream(Frame(7, 0));

        var ex = await Assert.ThrowsAsync<RpcException>(() => GrpcFrameReader.ReadMessageAsync(stream, Max, CancellationToken.None).AsTask());

        Assert.Equal(StatusCode.Internal, ex.Status);
        Assert.Contains("compressed flag is 7", ex.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3)]  // inside the prefix
    [InlineData(8)]  // inside the body
    public async Task ReadMessageAsync_StreamEndsInsideFrame_InternalTruncated(int keep)
    {
        var frame = GrpcFrameWriter.ToFrame(new GetJobRequest { Id = "truncated" });
        var stream = new MemoryStream(frame[..keep]);

        var ex = await Assert.ThrowsAsync<RpcException>(() => GrpcFrameReader.ReadMessageAsync(stream, Max, CancellationToken.None).AsTask());

        Assert.Equal(StatusCode.Internal, ex.Status);
        Assert.Contains("ended inside a gRPC frame", ex.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadMessageAsync_PipeEndsInsideFrame_InternalTruncated()
    {
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(GrpcFrameWriter.ToFrame(new GetJobRequest { Id = "abc" }).AsMemory(0, 6));
        await pipe.Writer.CompleteAsync();

        var ex = await Assert.ThrowsAsync<RpcException>(() => GrpcFrameReader.ReadMessageAsync(pipe.Reader, Max, CancellationToken.None).AsTask());

        Assert.Equal(StatusCode.Internal, ex.Status);
    }

    [Fact]
    public async Task ReadMessageAsync_PendingReadCancelled_ThrowsInsteadOfReportingTheEnd()
    {
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(new byte[] { 0, 0 });

        var read = GrpcFrameReader.ReadMessageAsync(pipe.Reader, Max, CancellationToken.None).AsTask();
        pipe.Reader.CancelPendingRead();

        await Assert.ThrowsAsync<OperationCanceledException>(() => read);
    }

    [Fact]
    public async Task WriteAsync_Stream_WritesOneFrame()
    {
        var stream = new MemoryStream();

        await GrpcFrameWriter.WriteAsync(stream, new GetJobRequest { Id = "s" }, CancellationToken.None);

        Assert.Equal(GrpcFrameWriter.ToFrame(new GetJobRequest { Id = "s" }), stream.ToArray());
    }
}
