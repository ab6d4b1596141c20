using PlacementEngine.Benchmarks;

namespace PlacementEngine.Benchmarks.Tests;

public sealed class SweepSummaryTests
{
    [Fact]
    public void Spread_OddCount_MedianIsTheMiddleValue() => Assert.Equal(new Spread(1, 3, 9), Spread.Of([9, 1, 3]));

    [Fact]
    public void Spread_EvenCount_MedianIsTheMeanOfTheMiddleTwo() => Assert.Equal(new Spread(1, 2.5, 4), Spread.Of([4, 2, 1, 3]));

    [Fact]
    public void Spread_MissingValues_AreLeftOut() => Assert.Equal(new Spread(2, 2, 2), Spread.Of([null, 2, null]));

    [Fact]
    public void Spread_NoValue_IsNull() => Assert.Null(Spread.Of([null, null]));

    [Fact]
    public void Of_RowsOfTwoSolversOverThreeSeeds_SummarisesEachSolverInTheOrderTheyRan()
    {
        var rows = new[]
        {
            Row(1, "fast", gap: 0.01, seconds: 0.2, gapToExact: 0.001), Row(1, "exact", gap: 0.0, seconds: 30, gapToExact: 0),
            Row(2, "fast", gap: 0.03, seconds: 0.4, gapToExact: 0.002), Row(2, "exact", gap: 0.0, seconds: 12, gapToExact: 0),
            Row(3, "fast", gap: 0.02, seconds: 0.3, gapToExact: null), Row(3, "exact", gap: 0.01, seconds: 30, gapToExact: 0),
        };

        var summary = SweepSummary.Of(rows);

        Assert.Equal(["fast", "exact"], summary.Select(s => s.Solver));
        var fast = summary[0];
        Assert.Equal(3, fast.Runs);
        Assert.Equal(new Spread(0.01, 0.02, 0.03), fast.GapToBound);
        Assert.Equal(new Spread(0.001, 0.0015, 0.002), fast.GapToExact);
        Assert.Equal(new Spread(0.2, 0.3, 0.4), fast.Seconds);
        Assert.Equal(new Spread(12, 30, 30), summary[1].Seconds);
    }

    [Fact]
    public void Write_Csv_EveryLineStartsWithAHashSoScriptsSkipIt()
    {
        var output = new StringWriter();

        SweepSummary.Write(output, SweepSummary.Of([Row(1, "fast", 0.01, 0.2, null), Row(2, "fast", 0.03, 0.4, null)]), OutputFormat.Csv);

        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, line => Assert.StartsWith("#", line, StringComparison.Ordinal));
        Assert.Equal(
            ["#solver,runs,statistic,gap_to_bound,gap_to_cbc,seconds", "#fast,2,min,0.01,,0.2", "#fast,2,median,0.02,,0.3", "#fast,2,max,0.03,,0.4"],
            lines);
    }

    [Fact]
    public void Write_Table_ShowsMinMedianMaxPerSolver()
    {
        var output = new StringWriter();

        SweepSummary.Write(output, SweepSummary.Of([Row(1, "fast", 0.01, 0.2, null), Row(2, "fast", 0.03, 0.4, null)]), OutputFormat.Table);

        Assert.Contains("fast        2  1.00% / 2.00% / 3.00%             -  0.200 / 0.300 / 0.400", output.ToString(), StringComparison.Ordinal);
    }

    private static ComparisonRow Row(int seed, string solver, double gap, double seconds, double? gapToExact) =>
        new("M", seed, false, solver, 1000, 300, 900, 100m, 200m, 190m, gap, gap * 2, gapToExact, true, seconds, 0);
}
