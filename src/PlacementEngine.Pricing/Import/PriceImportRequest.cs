using PlacementEngine.Core;

namespace PlacementEngine.Pricing;

/// <summary>What the admin said about a file to import; everything is optional.</summary>
public sealed record PriceImportRequest
{
    /// <summary>The file's name, a hint for the format (.yaml is a ConfigMap) and for a SkyPilot catalog's cloud ("gcp_vms.csv").</summary>
    public string? FileName { get; init; }

    /// <summary>Null: detected from the content and the file name.</summary>
    public PriceImportFormat? Format { get; init; }

    /// <summary>SkyPilot catalogs only: the cloud the file is for. Null: from the header layout or the file name.</summary>
    public Cloud? Cloud { get; init; }

    /// <summary>ConfigMap only: the region its instance prices of that region's cloud apply to.</summary>
    public RegionId? Region { get; init; }

    public ImportValidationOptions Validation { get; init; } = new();
}
