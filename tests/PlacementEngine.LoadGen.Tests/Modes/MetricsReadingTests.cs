using PlacementEngine.LoadGen.Modes;

namespace PlacementEngine.LoadGen.Tests.Modes;

public class MetricsReadingTests
{
    private const string Exposition = """
        # HELP placement_cycle_duration_seconds Time one scheduling cycle took, from snapshot to commit.
        # TYPE placement_cycle_duration_seconds histogram
        placement_cycle_duration_seconds_sum 12.5
        placement_cycle_duration_seconds_count 10
        placement_cycle_duration_seconds_bucket{le="0.5"} 4
        placement_solve_duration_seconds_sum{solver="fast"} 3
        placement_solve_duration_seconds_sum{solver="exact"} 1.5
        placement_solve_duration_seconds_count{solver="fast"} 6
        placement_solve_duration_seconds_count{solver="exact"} 3
        placement_pending_jobs{reason="capacity"} 60000
        placement_pending_jobs{reason="budget"} 40000
        process_working_set_bytes 1.073741824e+09
        """;

    [Fact]
    public void Sum_AddsEverySeriesOfTheExactName()
    {
        Assert.Equal(100_000, PrometheusText.Sum(Exposition, "placement_pending_jobs"));
        Assert.Equal(4.5, PrometheusText.Sum(Exposition, "placement_solve_duration_seconds_sum"));
        Assert.Equal(10, PrometheusText.Sum(Exposition, "placement_cycle_duration_seconds_count"));
    }

    [Fact]
    public void Sum_ANameOnlyOthersStartWith_IsAbsent()
    {
        Assert.Null(PrometheusText.Sum(Exposition, "placement_cycle_duration_seconds"));
        Assert.Null(PrometheusText.Sum(Exposition, "placement_jobs"));
    }

    [Fact]
    public void MeanCycleSecondsSince_IsTheMeanOfTheCyclesInBetween()
    {
        var earlier = CycleSnapshot.Parse(Exposition);
        var later = CycleSnapshot.Parse(Exposition.Replace("seconds_sum 12.5", "seconds_sum 15.5", StringComparison.Ordinal)
            .Replace("seconds_count 10", "seconds_count 14", StringComparison.Ordinal));

        Assert.Equal(0.75, later.MeanCycleSecondsSince(earlier));
        Assert.Null(earlier.MeanCycleSecondsSince(earlier));
        Assert.Equal(1024.0 * 1024 * 1024, later.ResidentBytes);
        Assert.Equal(100_000, later.PendingJobs);
    }

    [Fact]
    public void Kilobytes_ReadsTabSeparatedProcStatus()
    {
        const string status = "Name:\tplacement-serv\nVmHWM:\t  912340 kB\nVmRSS:\t  812340 kB\nThreads:\t25\n";

        Assert.Equal(812_340, ProcStatus.Kilobytes(status, "VmRSS"));
        Assert.Equal(912_340, ProcStatus.Kilobytes(status, "VmHWM"));
        Assert.Null(ProcStatus.Kilobytes(status, "VmSwap"));
    }

    [Theory]
    [InlineData(PlacementEngine.Contracts.V1.JobState.Placed, true)]
    [InlineData(PlacementEngine.Contracts.V1.JobState.Running, true)]
    [InlineData(PlacementEngine.Contracts.V1.JobState.Succeeded, true)]
    [InlineData(PlacementEngine.Contracts.V1.JobState.Pending, false)]
    [InlineData(PlacementEngine.Contracts.V1.JobState.Unschedulable, false)]
    [InlineData(PlacementEngine.Contracts.V1.JobState.Cancelled, false)]
    public void Placed_IsTrueForPlacedAndEveryStateAfterIt(PlacementEngine.Contracts.V1.JobState state, bool placed) =>
        Assert.Equal(placed, PlacedLatencyMode.Placed(state));
}
