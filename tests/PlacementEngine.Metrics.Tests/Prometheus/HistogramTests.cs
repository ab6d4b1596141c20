using PlacementEngine.Metrics.Prometheus;
using PlacementEngine.Metrics.Tests.Support;

namespace PlacementEngine.Metrics.Tests.Prometheus;

public sealed class HistogramTests
{
    [Fact]
    public async Task ScrapeAsync_Observations_WritesCumulativeBucketsThenSumAndCount()
    {
        var registry = new MetricRegistry();
        var histogram = registry.AddHistogram("solve_seconds", "help", [0.25, 1, 10], "solver");
        var greedy = histogram.WithLabels("greedy");
        foreach (var seconds in new[] { 0.125, 0.25, 0.5, 2, 20, 30 })
        {
            greedy.Observe(seconds);
        }

        var text = await registry.ScrapeAsync(CancellationToken.None);

        Assert.Equal(
            [
                "solve_seconds_bucket{solver=\"greedy\",le=\"0.25\"} 2",
                "solve_seconds_bucket{solver=\"greedy\",le=\"1\"} 3",
                "solve_seconds_bucket{solver=\"greedy\",le=\"10\"} 4",
                "solve_seconds_bucket{solver=\"greedy\",le=\"+Inf\"} 6",
                "solve_seconds_sum{solver=\"greedy\"} 52.875",
                "solve_seconds_count{solver=\"greedy\"} 6",
            ],
            Exposition.SamplesOf(text, "solve_seconds"));
    }

    [Fact]
    public async Task Observe_ValueEqualToABound_CountsInThatBound()
    {
        var registry = new MetricRegistry();
        var histogram = registry.AddHistogram("x_seconds", "help", [1, 2]);

        histogram.Observe(1);

        var text = await registry.ScrapeAsync(CancellationToken.None);
        Assert.Equal("1", Exposition.ValueOf(text, "x_seconds_bucket{le=\"1\"}"));
    }

    [Fact]
    public async Task ScrapeAsync_NoObservations_WritesZeroBucketsForAnUnlabelledHistogram()
    {
        var registry = new MetricRegistry();
        registry.AddHistogram("x_seconds", "help", [1]);

        var text = await registry.ScrapeAsync(CancellationToken.None);

        Assert.Equal(
            ["x_seconds_bucket{le=\"1\"} 0", "x_seconds_bucket{le=\"+Inf\"} 0", "x_seconds_sum 0", "x_seconds_count 0"],
            Exposition.SamplesOf(text, "x_seconds"));
    }

    [Fact]
    public void Observe_NaN_Throws()
    {
        var histogram = new MetricRegistry().AddHistogram("x_seconds", "help", [1]);

        Assert.Throws<ArgumentOutOfRangeException>(() => histogram.Observe(double.NaN));
    }

    [Theory]
    [InlineData(new[] { 1d, 1d })]
    [InlineData(new[] { 2d, 1d })]
    [InlineData(new[] { 1d, double.NaN })]
    [InlineData(new[] { double.NegativeInfinity, 1d })]
    [InlineData(new[] { double.PositiveInfinity, 1d })]
    public void AddHistogram_BoundsNotStrictlyIncreasingFinite_Throws(double[] bounds) =>
        Assert.Throws<ArgumentException>(() => new MetricRegistry().AddHistogram("x_seconds", "help", bounds));

    [Fact]
    public void AddHistogram_TrailingInfinity_IsDroppedBecauseItIsAlwaysWritten()
    {
        var histogram = new MetricRegistry().AddHistogram("x_seconds", "help", [1, double.PositiveInfinity]);

        Assert.Equal([1d], histogram.UpperBounds);
    }

    [Fact]
    public async Task Observe_FromManyThreads_CountAgreesWithBuckets()
    {
        var registry = new MetricRegistry();
        var histogram = registry.AddHistogram("x_seconds", "help", [0.5]);

        Parallel.For(0, 20_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => histogram.Observe(i % 2));

        var text = await registry.ScrapeAsync(CancellationToken.None);
        Assert.Equal("10000", Exposition.ValueOf(text, "x_seconds_bucket{le=\"0.5\"}"));
        Assert.Equal("20000", Exposition.ValueOf(text, "x_seconds_bucket{le=\"+Inf\"}"));
        Assert.Equal("20000", Exposition.ValueOf(text, "x_seconds_count"));
        Assert.Equal("10000", Exposition.ValueOf(text, "x_seconds_sum"));
    }
}
