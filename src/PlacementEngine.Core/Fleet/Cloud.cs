namespace PlacementEngine.Core;

public enum Cloud
{
    Aws,
    Gcp,
    Azure,
    OnPrem,
}

public static class CloudNames
{
    public static string ToWire(this Cloud cloud) => cloud switch
    {
        Cloud.Aws => "aws",
        Cloud.Gcp => "gcp",
        Cloud.Azure => "azure",
        Cloud.OnPrem => "onprem",
        _ => throw new ArgumentOutOfRangeException(nameof(cloud), cloud, "unknown cloud"),
    };

    public static bool TryParse(string? text, out Cloud cloud)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "aws": cloud = Cloud.Aws; return true;
            case "gcp": cloud = Cloud.Gcp; return true;
            case "azure": cloud = Cloud.Azure; return true;
            case "onprem" or "on-prem": cloud = Cloud.OnPrem; return true;
            default: cloud = default; return false;
        }
    }
}
