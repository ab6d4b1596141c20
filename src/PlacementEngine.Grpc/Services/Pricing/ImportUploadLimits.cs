namespace PlacementEngine.Grpc.Services;

/// <summary>
/// How much price file data the server holds in memory between BeginImport and CommitImport. Uploads are kept in
/// memory rather than on disk because a file is parsed once and then either stored as a version or thrown away.
/// </summary>
public sealed record ImportUploadLimits
{
    public const long DefaultMaxFileBytes = 64L * 1024 * 1024;
    public const long DefaultMaxOpenBytes = 256L * 1024 * 1024;
    public const int DefaultMaxChunkBytes = 1024 * 1024;

    /// <summary>Room in a message for the upload id and offset around a chunk's data.</summary>
    public const int ChunkEnvelopeBytes = 128;

    public static readonly TimeSpan DefaultIdleExpiry = TimeSpan.FromMinutes(10);

    /// <summary>Largest file one upload may declare: the full shared catalogs are under 4 MB, so 64 MiB leaves room to grow.</summary>
    public long MaxFileBytes { get; init; } = DefaultMaxFileBytes;

    /// <summary>All uploads in progress together; a new one past this waits for others to finish or expire.</summary>
    public long MaxOpenBytes { get; init; } = DefaultMaxOpenBytes;

    /// <summary>Largest chunk; it must fit the transport's largest request message with <see cref="ChunkEnvelopeBytes"/> to spare.</summary>
    public int MaxChunkBytes { get; init; } = DefaultMaxChunkBytes;

    /// <summary>An upload with no chunk or commit for this long is dropped, so an abandoned one frees its memory.</summary>
    public TimeSpan IdleExpiry { get; init; } = DefaultIdleExpiry;

    /// <summary>Chunks a little under the transport's message limit, but no larger than the default.</summary>
    public static int ChunkBytesFor(int maxReceiveMessageBytes) =>
        Math.Clamp(maxReceiveMessageBytes - ChunkEnvelopeBytes, 1, DefaultMaxChunkBytes);

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (MaxFileBytes is <= 0 or > int.MaxValue)
        {
            errors.Add($"MaxFileBytes is {MaxFileBytes}; it must be between 1 and {int.MaxValue}");
        }
        if (MaxOpenBytes < MaxFileBytes)
        {
            errors.Add($"MaxOpenBytes ({MaxOpenBytes}) must be at least MaxFileBytes ({MaxFileBytes})");
        }
        if (MaxChunkBytes <= 0)
        {
            errors.Add($"MaxChunkBytes is {MaxChunkBytes}; it must be positive");
        }
        if (IdleExpiry <= TimeSpan.Zero)
        {
            errors.Add($"IdleExpiry is {IdleExpiry}; it must be positive");
        }
        return errors;
    }
}
