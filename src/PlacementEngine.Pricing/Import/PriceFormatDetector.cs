using System.Text.RegularExpressions;

namespace PlacementEngine.Pricing;

/// <summary>
/// Tells the format of a file the admin did not label: by its first line (the placement-v1 version line, a SkyPilot
/// header), then by a .yaml/.yml name, then by YAML that looks like a ConfigMap or a bare cloud -> price table.
/// </summary>
internal static partial class PriceFormatDetector
{
    public static PriceImportFormat? Detect(string? fileName, string head)
    {
        var lines = head.Split('\n').Select(l => l.Trim().TrimStart('\uFEFF')).Where(l => l.Length > 0).ToList();
        var first = lines.Count > 0 ? lines[0] : "";
        if (first.StartsWith(PlacementV1Format.VersionPrefix, StringComparison.Ordinal) || PlacementV1Format.TryGetTable(first, out _))
        {
            return PriceImportFormat.PlacementV1;
        }
        if (first.StartsWith("InstanceType,", StringComparison.OrdinalIgnoreCase))
        {
            return PriceImportFormat.SkyPilotCsv;
        }
        var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        if (extension is ".yaml" or ".yml" || lines.Any(l => ConfigMapKind().IsMatch(l)) || lines.Where(l => !l.StartsWith('#')).Take(1).Any(l => YamlStart().IsMatch(l)))
        {
            return PriceImportFormat.ConfigMap;
        }
        return null;
    }

    [GeneratedRegex(@"^kind:\s*ConfigMap\s*(#.*)?$")]
    private static partial Regex ConfigMapKind();

    [GeneratedRegex(@"^(apiVersion:|(aws|gcp|azure|onprem):\s*(#.*)?$)")]
    private static partial Regex YamlStart();
}
