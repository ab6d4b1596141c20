namespace PlacementEngine.Scenarios;

/// <summary>Benchmark sizes: pending jobs x pools.</summary>
public enum ScenarioSize
{
    /// <summary>50 jobs x 40 pools.</summary>
    S,

    /// <summary>1,000 jobs x 300 pools.</summary>
    M,

    /// <summary>10,000 jobs x 1,000 pools.</summary>
    L,

    /// <summary>50,000 jobs x 2,000 pools.</summary>
    XL,
}

public static class ScenarioSizes
{
    public static (int Jobs, int Pools) Dimensions(this ScenarioSize size) => size switch
    {
        ScenarioSize.S => (50, 40),
        ScenarioSize.M => (1_000, 300),
        ScenarioSize.L => (10_000, 1_000),
        ScenarioSize.XL => (50_000, 2_000),
        _ => throw new ArgumentOutOfRangeException(nameof(size), size, "unknown scenario size"),
    };

    /// <summary>By name only ("m", "XL"); numbers are not sizes.</summary>
    public static bool TryParse(string? text, out ScenarioSize size)
    {
        foreach (var candidate in Enum.GetValues<ScenarioSize>())
        {
            if (string.Equals(candidate.ToString(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                size = candidate;
                return true;
            }
        }
        size = default;
        return false;
    }
}
