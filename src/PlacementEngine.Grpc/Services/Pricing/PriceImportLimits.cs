namespace PlacementEngine.Grpc.Services;

/// <summary>
/// How much of a price file one ImportPrices call takes. The file is held in memory for the call only, because it
/// is parsed once and then either stored as a version or thrown away.
/// </summary>
public sealed record PriceImportLimits
{
    public const long DefaultMaxFileBytes = 64L * 1024 * 1024;

    /// <summary>The largest chunk the API takes (pricing.proto says so), whatever the message limit.</summary>
    public const int MaxChunkBytes = 1024 * 1024;

    /// <summary>Largest file one call may send: the full shared catalogs are under 4 MB, so 64 MiB leaves room to grow.</summary>
    public long MaxFileBytes { get; init; } = DefaultMaxFileBytes;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (MaxFileBytes is <= 0 or > int.MaxValue)
        {
            errors.Add($"MaxFileBytes is {MaxFileBytes}; it must be between 1 and {int.MaxValue}");
        }
        return errors;
    }
}
