namespace PlacementEngine.Core;

public enum CapacityType
{
    Spot,
    OnDemand,
    Reserved,
}

public static class CapacityTypeNames
{
    public static string ToWire(this CapacityType type) => type switch
    {
        CapacityType.Spot => "spot",
        CapacityType.OnDemand => "on-demand",
        CapacityType.Reserved => "reserved",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown capacity type"),
    };

    public static bool TryParse(string? text, out CapacityType type)
    {
        switch (text?.Trim().ToLowerInvariant().Replace("_", "-", StringComparison.Ordinal))
        {
            case "spot": type = CapacityType.Spot; return true;
            case "on-demand" or "ondemand": type = CapacityType.OnDemand; return true;
            case "reserved": type = CapacityType.Reserved; return true;
            default: type = default; return false;
        }
    }
}
