using PlacementEngine.Contracts.Grpc;
using PlacementEngine.Grpc.Services;
using PlacementEngine.TestKit;

namespace PlacementEngine.Grpc.Tests.Services.Pricing;

public sealed class ImportUploadsTests
{
    private readonly FakeTimeProvider _time = new();

    private ImportUploads CreateSut(long maxFile = 100, long maxOpen = 150) =>
        new(new ImportUploadLimits { MaxFileBytes = maxFile, MaxOpenBytes = maxOpen, MaxChunkBytes = 10, IdleExpiry = TimeSpan.FromMinutes(10) }, _time);

    [Fact]
    public void Append_ChunksInOrder_CompleteUploadHoldsTheBytes()
    {
        var uploads = CreateSut();
        var upload = uploads.Begin("platform", 6, "f.csv");

        uploads.Append("platform", upload.Id, 0, "abc"u8);
        var (received, _) = uploads.Append("platform", upload.Id, 3, "def"u8);
        var taken = uploads.Take("platform", upload.Id);

        Assert.Equal(6, received);
        Assert.Equal("abcdef"u8.ToArray(), taken.OpenContent().ToArray());
        Assert.Equal(0, uploads.OpenCount);
    }

    [Fact]
    public void Append_SameChunkAgain_AcknowledgedWithoutAppending()
    {
        var uploads = CreateSut();
        var upload = uploads.Begin("platform", 6, "f.csv");
        uploads.Append("platform", upload.Id, 0, "abc"u8);

        var (received, _) = uploads.Append("platform", upload.Id, 0, "abc"u8);

        Assert.Equal(3, received);
    }

    [Theory]
    [InlineData(4, "de", StatusCode.FailedPrecondition)]
    [InlineData(0, "xyz", StatusCode.FailedPrecondition)]
    [InlineData(3, "defg", StatusCode.OutOfRange)]
    public void Append_OutOfOrderOrPastTheEnd_Refused(long offset, string data, StatusCode expected)
    {
        var uploads = CreateSut();
        var upload = uploads.Begin("platform", 6, "f.csv");
        uploads.Append("platform", upload.Id, 0, "abc"u8);

        var ex = Assert.Throws<RpcException>(() => uploads.Append("platform", upload.Id, offset, System.Text.Encoding.UTF8.GetBytes(data)));

        Assert.Equal(expected, ex.Status);
        Assert.StartsWith("offset: ", ex.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Append_ChunkLargerThanAdvertised_InvalidArgument()
    {
        var uploads = CreateSut();
        var upload = uploads.Begin("platform", 50, "f.csv");

        var ex = Assert.Throws<RpcException>(() => uploads.Append("platform", upload.Id, 0, new byte[11]));

        Assert.Equal(StatusCode.InvalidArgument, ex.Status);
    }

    [Fact]
    public void Begin_FileOverTheLimit_ResourceExhausted()
    {
        var ex = Assert.Throws<RpcException>(() => CreateSut().Begin("platform", 101, "f.csv"));

        Assert.Equal(StatusCode.ResourceExhausted, ex.Status);
    }

    [Fact]
    public void Begin_OpenUploadsWouldPassTheLimit_ResourceExhaustedUntilOneExpires()
    {
        var uploads = CreateSut();
        uploads.Begin("platform", 100, "a.csv");

        var ex = Assert.Throws<RpcException>(() => uploads.Begin("platform", 60, "b.csv"));
        _time.Advance(TimeSpan.FromMinutes(10));
        var later = uploads.Begin("platform", 60, "b.csv");

        Assert.Equal(StatusCode.ResourceExhausted, ex.Status);
        Assert.Equal(1, uploads.OpenCount);
        Assert.Equal(60, later.TotalBytes);
    }

    [Fact]
    public void Append_AfterTheIdleExpiry_NotFound()
    {
        var uploads = CreateSut();
        var upload = uploads.Begin("platform", 6, "f.csv");
        _time.Advance(TimeSpan.FromMinutes(9));
        uploads.Append("platform", upload.Id, 0, "abc"u8);
        _time.Advance(TimeSpan.FromMinutes(9));
        uploads.Append("platform", upload.Id, 3, "def"u8);

        _time.Advance(TimeSpan.FromMinutes(10));
        var ex = Assert.Throws<RpcException>(() => uploads.Take("platform", upload.Id));

        Assert.Equal(StatusCode.NotFound, ex.Status);
    }

    [Fact]
    public void Take_AnotherTeamsUpload_NotFound()
    {
        var uploads = CreateSut();
        var upload = uploads.Begin("platform", 0, "f.csv");

        var ex = Assert.Throws<RpcException>(() => uploads.Take("sre", upload.Id));

        Assert.Equal(StatusCode.NotFound, ex.Status);
        Assert.Equal(1, uploads.OpenCount);
    }

    [Fact]
    public void Take_Incomplete_FailedPreconditionAndTheUploadStays()
    {
        var uploads = CreateSut();
        var upload = uploads.Begin("platform", 6, "f.csv");
        uploads.Append("platform", upload.Id, 0, "abc"u8);

        var ex = Assert.Throws<RpcException>(() => uploads.Take("platform", upload.Id));

        Assert.Equal(StatusCode.FailedPrecondition, ex.Status);
        Assert.Contains("3 of 6 bytes", ex.Detail, StringComparison.Ordinal);
        Assert.Equal(1, uploads.OpenCount);
    }

    [Theory]
    [InlineData(4 * 1024 * 1024, ImportUploadLimits.DefaultMaxChunkBytes)]
    [InlineData(64 * 1024, (64 * 1024) - ImportUploadLimits.ChunkEnvelopeBytes)]
    public void ChunkBytesFor_MessageLimit_LeavesRoomForTheEnvelope(int maxMessage, int expected) =>
        Assert.Equal(expected, ImportUploadLimits.ChunkBytesFor(maxMessage));
}
