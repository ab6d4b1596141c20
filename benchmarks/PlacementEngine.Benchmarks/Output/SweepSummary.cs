using System.Globalization;

namespace PlacementEngine.Benchmarks;

/// <summary>One solver over a seed sweep: how its gaps and times spread.</summary>
/// <param name="GapToBound">Over the rows' gap to the best bound any solver proved on that seed.</param>
/// <param name="GapToExact">Over the rows' gap to the exact solver's objective, when it ran.</param>
public sealed record SolverSweep(string Solver, int Runs, Spread? GapToBound, Spread? GapToExact, Spread Seconds);

/// <summary>
/// The summary below a seed sweep. In CSV it is a block of lines starting with '#', so a script reading the rows
/// skips it as comments (pandas: comment='#'; shell: grep -v '^#').
/// </summary>
public static class SweepSummary
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Per solver, in the order the solvers ran.</summary>
    public static IReadOnlyList<SolverSweep> Of(IEnumerable<ComparisonRow> rows) =>
        rows.GroupBy(r => r.Solver)
            .Select(g => new SolverSweep(g.Key, g.Count(), Spread.Of(g.Select(r => r.GapToBound)), Spread.Of(g.Select(r => r.GapToExact)), Spread.Of(g.Select(r => (double?)r.Seconds))!))
            .ToList();

    public static void Write(TextWriter output, IReadOnlyList<SolverSweep> sweeps, OutputFormat format)
    {
        if (format == OutputFormat.Csv)
        {
            output.WriteLine("#solver,runs,statistic,gap_to_bound,gap_to_cbc,seconds");
            foreach (var s in sweeps)
            {
                foreach (var (name, pick) in Statistics)
                {
                    output.WriteLine($"#{s.Solver},{s.Runs},{name},{Fraction(s.GapToBound, pick)},{Fraction(s.GapToExact, pick)},{pick(s.Seconds).ToString("0.######", Invariant)}");
                }
            }
            return;
        }
        output.WriteLine();
        output.WriteLine("min / median / max over the seeds");
        var rows = sweeps.Select(s => (IReadOnlyList<string>)
        [
            s.Solver, s.Runs.ToString(Invariant), Percents(s.GapToBound), Percents(s.GapToExact),
            string.Join(" / ", Statistics.Select(x => x.Pick(s.Seconds).ToString("0.000", Invariant))),
        ]).ToList();
        TextTable.Write(output, ["solver", "seeds", "gap to bound", "gap to exact", "seconds"], [false, true, true, true, true], rows);
    }

    private static readonly (string Name, Func<Spread, double> Pick)[] Statistics =
        [("min", s => s.Min), ("median", s => s.Median), ("max", s => s.Max)];

    private static string Fraction(Spread? spread, Func<Spread, double> pick) =>
        spread is null ? "" : pick(spread).ToString("0.########", Invariant);

    private static string Percents(Spread? spread) =>
        spread is null ? "-" : string.Join(" / ", Statistics.Select(x => (x.Pick(spread) * 100).ToString("0.00", Invariant) + "%"));
}
