using PlacementEngine.Contracts.Grpc;

namespace PlacementEngine.Grpc.Services;

/// <summary>One price file arriving in chunks, in order, into a buffer of the size declared up front.</summary>
internal sealed class ImportUpload(string id, string owner, string fileName, long totalBytes)
{
    private readonly byte[] _content = new byte[totalBytes];

    public string Id => id;

    /// <summary>The team that began it; nobody else may add to it or commit it.</summary>
    public string Owner => owner;

    public string FileName => fileName;

    public long TotalBytes => totalBytes;

    public long ReceivedBytes { get; private set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public bool Complete => ReceivedBytes == TotalBytes;

    /// <summary>
    /// Appends a chunk that starts where the received bytes end. A chunk already received (a client retrying
    /// after a lost answer) is acknowledged without being appended again; anything else out of order is refused.
    /// </summary>
    /// <returns>The bytes received so far.</returns>
    public long Append(long offset, ReadOnlySpan<byte> data)
    {
        if (offset < 0 || offset + data.Length > TotalBytes)
        {
            throw new RpcException(StatusCode.OutOfRange,
                $"offset: a chunk of {data.Length} bytes at {offset} does not fit a file of total_bytes {TotalBytes}");
        }
        if (offset == ReceivedBytes)
        {
            data.CopyTo(_content.AsSpan((int)offset));
            ReceivedBytes += data.Length;
            return ReceivedBytes;
        }
        if (offset + data.Length <= ReceivedBytes && data.SequenceEqual(_content.AsSpan((int)offset, data.Length)))
        {
            return ReceivedBytes;
        }
        throw new RpcException(StatusCode.FailedPrecondition,
            $"offset: {ReceivedBytes} bytes have been received, so the next chunk starts at offset {ReceivedBytes}, not {offset}");
    }

    /// <summary>The whole file, read-only and seekable so the importer can look at its head before parsing.</summary>
    public MemoryStream OpenContent() => new(_content, 0, (int)TotalBytes, writable: false);
}
