namespace PlacementEngine.Scenarios;

/// <summary>
/// Which GPU models a job accepts. The trace does not say, so each job draws one of four profiles an ML platform
/// typically sees: any GPU (25%), small inference-class GPUs (25%), training GPUs (30%), the newest large GPUs (20%).
/// </summary>
internal static class GpuAcceptance
{
    private static readonly string[] Any = [];
    private static readonly string[] Small = ["T4", "L4", "A10", "A10G"];
    private static readonly string[] Training = ["V100", "V100-32GB", "A100", "A100-80GB"];
    private static readonly string[] Large = ["A100-80GB", "H100", "H100-MEGA", "H200", "B200"];

    public static IReadOnlyList<string> Draw(Random random) => random.NextDouble() switch
    {
        < 0.25 => Any,
        < 0.50 => Small,
        < 0.80 => Training,
        _ => Large,
    };
}
