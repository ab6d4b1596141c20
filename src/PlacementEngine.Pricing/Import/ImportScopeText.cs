using PlacementEngine.Core;

namespace PlacementEngine.Pricing;

/// <summary>An <see cref="ImportScope"/> in words, so an admin sees before and after an import what it replaces.</summary>
internal static class ImportScopeText
{
    public static string Describe(ImportScope scope) =>
        string.Join("; ", Table(scope.Prices, "prices"), Table(scope.Egress, "egress rates"), Table(scope.SpotBands, "spot bands"));

    private static string Table(TableScope scope, string name) => scope.Mode switch
    {
        ReplaceMode.All => $"all {name}",
        ReplaceMode.Cloud when scope.Cloud is { } cloud => $"all {cloud.ToWire()} {name}",
        _ => $"only the {name} it names",
    };
}
