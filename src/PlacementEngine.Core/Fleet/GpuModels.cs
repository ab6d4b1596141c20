namespace PlacementEngine.Core;

/// <summary>GPU model names as the shared cloud catalogs spell them (AcceleratorName), matched case-insensitively.</summary>
public static class GpuModels
{
    private static readonly string[] KnownModels =
    [
        "K80", "M60", "P4", "P100", "V100", "V100-32GB", "T4", "A10", "A10G", "A100", "A100-80GB",
        "L4", "L40S", "H100", "H100-MEGA", "H200", "B200", "B300", "MI25", "MI300X",
    ];

    private static readonly Dictionary<string, string> ByUpper =
        KnownModels.ToDictionary(m => m.ToUpperInvariant(), m => m, StringComparer.Ordinal);

    public static IReadOnlyList<string> Known => KnownModels;

    /// <summary>The canonical spelling, or null when the model is not one we know.</summary>
    public static string? Normalize(string? model) =>
        model is not null && ByUpper.TryGetValue(model.Trim().ToUpperInvariant(), out var canonical) ? canonical : null;
}
