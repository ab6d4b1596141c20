namespace PlacementEngine.Pricing;

public enum PriceImportFormat
{
    /// <summary>SkyPilot's catalog CSV (one cloud per file), as the shared AWS, GCP and Azure catalogs are written.</summary>
    SkyPilotCsv,

    /// <summary>A Kubernetes ConfigMap whose <c>pricing.yaml</c> maps cloud -> instance type or region -> price, or that bare YAML.</summary>
    ConfigMap,

    /// <summary>The project's own versioned CSV tables, as shipped in <c>pricing/</c>.</summary>
    PlacementV1,
}

public static class PriceImportFormatNames
{
    public static IReadOnlyList<string> All { get; } = ["skypilot-csv", "configmap", "placement-v1"];

    public static string ToWire(this PriceImportFormat format) => format switch
    {
        PriceImportFormat.SkyPilotCsv => "skypilot-csv",
        PriceImportFormat.ConfigMap => "configmap",
        PriceImportFormat.PlacementV1 => "placement-v1",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown price import format"),
    };

    public static bool TryParse(string? text, out PriceImportFormat format)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "skypilot-csv" or "skypilot": format = PriceImportFormat.SkyPilotCsv; return true;
            case "configmap" or "config-map": format = PriceImportFormat.ConfigMap; return true;
            case "placement-v1" or "placement": format = PriceImportFormat.PlacementV1; return true;
            default: format = default; return false;
        }
    }
}
