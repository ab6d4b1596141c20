namespace PlacementEngine.Core;

/// <summary>A cloud region, written "cloud:region" (e.g. "gcp:europe-west4").</summary>
public readonly record struct RegionId(Cloud Cloud, string Name)
{
    public override string ToString() => $"{Cloud.ToWire()}:{Name}";

    public static bool TryParse(string? text, out RegionId region)
    {
        region = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == text.Length - 1 || !CloudNames.TryParse(text[..colon], out var cloud))
        {
            return false;
        }
        region = new RegionId(cloud, text[(colon + 1)..].Trim().ToLowerInvariant());
        return true;
    }
}
