using System.Security.Cryptography;
using PlacementEngine.Contracts.Grpc;

namespace PlacementEngine.Grpc.Services;

/// <summary>
/// The uploads in progress, in memory, bounded by <see cref="ImportUploadLimits"/>. Expired uploads are dropped
/// whenever the registry is used, so no timer is needed: an idle server holds at most the uploads begun before
/// it went idle. An upload belongs to the team that began it; to anyone else it does not exist.
/// </summary>
internal sealed class ImportUploads(ImportUploadLimits limits, TimeProvider time)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, ImportUpload> _open = new(StringComparer.Ordinal);

    public ImportUploadLimits Limits => limits;

    public ImportUpload Begin(string owner, long totalBytes, string fileName)
    {
        if (totalBytes < 0)
        {
            throw new RpcException(StatusCode.InvalidArgument, $"total_bytes: {totalBytes} is negative");
        }
        if (totalBytes > limits.MaxFileBytes)
        {
            throw new RpcException(StatusCode.ResourceExhausted,
                $"total_bytes: {totalBytes} bytes is more than the largest price file this server takes ({limits.MaxFileBytes} bytes)");
        }
        lock (_gate)
        {
            var now = time.GetUtcNow();
            DropExpired(now);
            var held = _open.Values.Sum(u => u.TotalBytes);
            if (held + totalBytes > limits.MaxOpenBytes)
            {
                throw new RpcException(StatusCode.ResourceExhausted,
                    $"uploads in progress hold {held} bytes and this one would pass the limit of {limits.MaxOpenBytes}; try again once they are committed or expire");
            }
            var upload = new ImportUpload(NewId(), owner, fileName, totalBytes) { ExpiresAt = now + limits.IdleExpiry };
            _open.Add(upload.Id, upload);
            return upload;
        }
    }

    /// <returns>The upload after the chunk, with its expiry pushed back.</returns>
    public (long Received, DateTimeOffset ExpiresAt) Append(string owner, string id, long offset, ReadOnlySpan<byte> data)
    {
        if (data.Length > limits.MaxChunkBytes)
        {
            throw new RpcException(StatusCode.InvalidArgument, $"data: a chunk of {data.Length} bytes is larger than max_chunk_bytes {limits.MaxChunkBytes}");
        }
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var upload = Find(owner, id, now);
            var received = upload.Append(offset, data);
            upload.ExpiresAt = now + limits.IdleExpiry;
            return (received, upload.ExpiresAt);
        }
    }

    /// <summary>Removes a complete upload for committing; an incomplete one stays so the client can finish it.</summary>
    public ImportUpload Take(string owner, string id)
    {
        lock (_gate)
        {
            var upload = Find(owner, id, time.GetUtcNow());
            if (!upload.Complete)
            {
                throw new RpcException(StatusCode.FailedPrecondition,
                    $"upload_id: {upload.ReceivedBytes} of {upload.TotalBytes} bytes have arrived; send the rest with UploadImportChunk before committing");
            }
            _open.Remove(id);
            return upload;
        }
    }

    public int OpenCount
    {
        get
        {
            lock (_gate)
            {
                DropExpired(time.GetUtcNow());
                return _open.Count;
            }
        }
    }

    private ImportUpload Find(string owner, string id, DateTimeOffset now)
    {
        DropExpired(now);
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new RpcException(StatusCode.InvalidArgument, "upload_id: the id BeginImport returned is required");
        }
        if (!_open.TryGetValue(id, out var upload) || !string.Equals(upload.Owner, owner, StringComparison.Ordinal))
        {
            throw new RpcException(StatusCode.NotFound, $"upload_id: no upload '{id}' in progress; it may have expired or been committed. Start again with BeginImport");
        }
        return upload;
    }

    private void DropExpired(DateTimeOffset now)
    {
        foreach (var expired in _open.Values.Where(u => u.ExpiresAt <= now).Select(u => u.Id).ToList())
        {
            _open.Remove(expired);
        }
    }

    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
