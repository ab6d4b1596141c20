namespace PlacementEngine.Pricing;

/// <summary>
/// The file line each parsed entry came from, index for index with the lists of a <see cref="Core.PriceCatalogData"/>,
/// so checks made after parsing (unknown regions, large changes, duplicates) still name a line.
/// </summary>
internal sealed record LineMap(IReadOnlyList<int> Prices, IReadOnlyList<int> Egress, IReadOnlyList<int> SpotBands)
{
    public static LineMap None { get; } = new([], [], []);

    /// <summary>0 ("whole file") for data that came without lines.</summary>
    public static int At(IReadOnlyList<int> lines, int index) => index < lines.Count ? lines[index] : 0;
}
