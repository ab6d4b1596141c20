using PlacementEngine.Core;
using PlacementEngine.Storage.Sqlite.Serialization;

namespace PlacementEngine.Storage.Sqlite.PriceBooks;

/// <summary>Override kinds as stored; spelled out so renaming an enum member cannot change what is on disk.</summary>
internal static class OverrideKindNames
{
    public static string Of(OverrideKind kind) => kind switch
    {
        OverrideKind.Absolute => "absolute",
        OverrideKind.Percentage => "percentage",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "override kind has no stored name"),
    };

    public static OverrideKind Parse(string name) => name switch
    {
        "absolute" => OverrideKind.Absolute,
        "percentage" => OverrideKind.Percentage,
        _ => throw StoredText.Corrupt("override kind", name),
    };
}
