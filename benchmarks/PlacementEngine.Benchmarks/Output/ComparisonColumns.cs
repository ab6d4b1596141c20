using System.Globalization;

namespace PlacementEngine.Benchmarks;

/// <summary>The comparison's columns: one header and one cell formatter per format, kept side by side so table and CSV never drift apart.</summary>
public static class ComparisonColumns
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public sealed record Column(string TableHeader, string CsvHeader, bool Numeric, Func<ComparisonRow, string> Table, Func<ComparisonRow, string> Csv);

    public static IReadOnlyList<Column> All { get; } =
    [
        new("size", "size", false, r => r.Size, r => r.Size),
        new("seed", "seed", true, r => Int(r.Seed), r => Int(r.Seed)),
        new("contended", "contended", false, r => YesNo(r.Contended), r => Bool(r.Contended)),
        new("solver", "solver", false, r => r.Solver, r => r.Solver),
        new("jobs", "jobs", true, r => r.Jobs.ToString("N0", Invariant), r => Int(r.Jobs)),
        new("pools", "pools", true, r => r.Pools.ToString("N0", Invariant), r => Int(r.Pools)),
        new("placed", "placed", true, r => r.Placed.ToString("N0", Invariant), r => Int(r.Placed)),
        new("total expected cost $", "total_expected_cost", true, r => r.TotalExpectedCost.ToString("N2", Invariant), r => Dollars(r.TotalExpectedCost)),
        new("objective $", "objective", true, r => r.Objective.ToString("N2", Invariant), r => Dollars(r.Objective)),
        new("lower bound $", "lower_bound", true, r => r.LowerBound?.ToString("N2", Invariant) ?? "-", r => r.LowerBound is { } b ? Dollars(b) : ""),
        new("gap to bound", "gap_to_bound", true, r => Percent(r.GapToBound), r => Fraction(r.GapToBound)),
        new("of cost", "gap_to_bound_of_cost", true, r => Percent(r.GapToBoundOfCost), r => Fraction(r.GapToBoundOfCost)),
        new("gap to exact", "gap_to_cbc", true, r => Percent(r.GapToExact), r => Fraction(r.GapToExact)),
        new("exact optimal", "cbc_proven_optimal", false, r => r.ExactProvenOptimal is { } p ? YesNo(p) : "-", r => r.ExactProvenOptimal is { } p ? Bool(p) : ""),
        new("seconds", "seconds", true, r => r.Seconds.ToString("0.000", Invariant), r => r.Seconds.ToString("0.######", Invariant)),
        new("audit", "violations", false, r => r.Violations == 0 ? "ok" : $"{r.Violations} violations", r => Int(r.Violations)),
    ];

    private static string Int(int value) => value.ToString(Invariant);

    private static string Bool(bool value) => value ? "true" : "false";

    private static string YesNo(bool value) => value ? "yes" : "no";

    private static string Dollars(decimal value) => value.ToString("0.######", Invariant);

    private static string Percent(double? gap) => gap is { } g ? (g * 100).ToString("0.00", Invariant) + "%" : "-";

    private static string Fraction(double? gap) => gap is { } g ? g.ToString("0.########", Invariant) : "";
}
