namespace PlacementEngine.Pricing;

/// <summary>How far a parser has read, for a progress bar on large imports.</summary>
/// <param name="TotalBytes">Null when the length of the input is not known.</param>
public readonly record struct ImportProgress(long RowsRead, long BytesRead, long? TotalBytes);
