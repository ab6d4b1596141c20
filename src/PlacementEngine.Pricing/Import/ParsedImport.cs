using PlacementEngine.Core;

namespace PlacementEngine.Pricing;

/// <summary>What a parser read: the file's own entries with their lines, what they replace, and notes for the admin.</summary>
internal sealed record ParsedImport(
    PriceCatalogData Data,
    LineMap Lines,
    ImportScope Scope,
    long RowsRead,
    IReadOnlyList<string> Notes)
{
    public static ParsedImport Empty(long rowsRead) => new(PriceCatalogData.Empty, LineMap.None, ImportScope.KeysOnly, rowsRead, []);
}
