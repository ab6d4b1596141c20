using PlacementEngine.Core;

namespace PlacementEngine.Pricing;

internal enum ReplaceMode
{
    /// <summary>Only the keys the file names replace the active book's; everything else is kept.</summary>
    Keys,

    /// <summary>The file's table replaces the active book's table.</summary>
    All,

    /// <summary>The file replaces every price of one cloud: a SkyPilot catalog is that cloud's whole price list.</summary>
    Cloud,
}

internal sealed record TableScope(ReplaceMode Mode, Cloud? Cloud = null)
{
    public static TableScope Keys { get; } = new(ReplaceMode.Keys);

    public static TableScope All { get; } = new(ReplaceMode.All);
}

/// <summary>What an import replaces in the active book, per table (see pricing/README.md, "What an import replaces").</summary>
internal sealed record ImportScope(TableScope Prices, TableScope Egress, TableScope SpotBands)
{
    public static ImportScope KeysOnly { get; } = new(TableScope.Keys, TableScope.Keys, TableScope.Keys);
}
