namespace PlacementEngine.Benchmarks;

/// <summary>Per-job placement latency of one solver against one fleet.</summary>
public sealed record LatencyRow(
    string Size,
    int Seed,
    string Solver,
    int Pools,
    int Samples,
    int Placed,
    double PrepareSeconds,
    double MedianMilliseconds,
    double P99Milliseconds,
    double MeanMilliseconds,
    double MaxMilliseconds)
{
    public static LatencyRow From(string size, int seed, string solver, int pools, int placed, double prepareSeconds, IReadOnlyList<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        return new LatencyRow(size, seed, solver, pools, sorted.Length, placed, prepareSeconds,
            Percentile(sorted, 0.50), Percentile(sorted, 0.99), sorted.Average(), sorted[^1]);
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static double Percentile(double[] sorted, double fraction) =>
        sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)];
}
