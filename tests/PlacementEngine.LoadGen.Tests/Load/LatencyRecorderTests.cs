using PlacementEngine.LoadGen.Load;

namespace PlacementEngine.LoadGen.Tests.Load;

public class LatencyRecorderTests
{
    [Fact]
    public void Summarize_OneToAThousandMilliseconds_GivesNearestRankPercentilesWithinAThousandth()
    {
        var recorder = new LatencyRecorder();
        foreach (var ms in Enumerable.Range(1, 1000).Reverse())
        {
            recorder.Record(TimeSpan.FromMilliseconds(ms));
        }

        var summary = recorder.Summarize();

        Assert.Equal(1000, recorder.Count);
        Assert.Equal(1, summary.MinMs, 0.001 * 1);
        Assert.Equal(500, summary.P50Ms, 0.001 * 500);
        Assert.Equal(900, summary.P90Ms, 0.001 * 900);
        Assert.Equal(990, summary.P99Ms, 0.001 * 990);
        Assert.Equal(999, summary.P999Ms, 0.001 * 999);
        Assert.Equal(1000, summary.MaxMs, 0.001 * 1000);
    }

    [Fact]
    public void Summarize_OneSlowCallInAThousand_ShowsOnlyAtTheTail()
    {
        var recorder = new LatencyRecorder();
        for (var i = 0; i < 999; i++)
        {
            recorder.Record(TimeSpan.FromMilliseconds(2));
        }
        recorder.Record(TimeSpan.FromSeconds(3));

        var summary = recorder.Summarize();

        Assert.Equal(2, summary.P99Ms, 0.01);
        Assert.Equal(3000, summary.MaxMs, 3.0);
    }

    [Fact]
    public void Record_FromManyThreads_KeepsEveryValue()
    {
        var recorder = new LatencyRecorder();

        Parallel.For(0, 8, _ =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                recorder.Record(TimeSpan.FromMicroseconds(100 + i));
            }
        });

        Assert.Equal(80_000, recorder.Count);
    }

    [Fact]
    public void Summarize_Nothing_IsAllZero() => Assert.Equal(LatencySummary.Empty, new LatencyRecorder().Summarize());

    [Fact]
    public void Record_BeyondAnHour_IsKeptAsAnHour()
    {
        var recorder = new LatencyRecorder();

        recorder.Record(TimeSpan.FromHours(5));

        Assert.Equal(3_600_000, recorder.Summarize().MaxMs, 3_600.0);
    }
}
