using PlacementEngine.Core;

namespace PlacementEngine.Pricing;

/// <summary>How strictly an import is checked.</summary>
public sealed record ImportValidationOptions
{
    /// <summary>A new price more than this many times the active one for the same key is taken for a typo or a unit mistake.</summary>
    public const decimal LargeChangeFactor = 20m;

    /// <summary>Accept prices more than <see cref="LargeChangeFactor"/> times the active ones (placectl --allow-large-changes).</summary>
    public bool AllowLargeChanges { get; init; }

    /// <summary>The regions prices may name; the server's region table (the built-in one plus what the fleet adds).</summary>
    public RegionDirectory Regions { get; init; } = RegionDirectory.Default;
}
