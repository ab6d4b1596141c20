using PlacementEngine.Core;

namespace PlacementEngine.Benchmarks;

/// <summary>Why each solver left jobs pending, counted by reason: what a reader needs to judge a "placed" column.</summary>
public static class PendingSummary
{
    public static void Write(TextWriter output, IReadOnlyList<SolverResult> results)
    {
        foreach (var result in results)
        {
            var unplaced = result.Plan.Unplaced;
            var noPool = unplaced.Count(u => u.NoEligiblePool);
            var reasons = unplaced.GroupBy(u => u.Reason).OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
                .Select(g => $"{g.Key.ToWire()} {g.Count()}");
            output.WriteLine($"{result.Solver}: {unplaced.Count} pending ({noPool} with no eligible pool): {string.Join(", ", reasons)}");
        }
    }
}
