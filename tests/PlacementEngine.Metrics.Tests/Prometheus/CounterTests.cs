using PlacementEngine.Metrics.Prometheus;
using PlacementEngine.Metrics.Tests.Support;

namespace PlacementEngine.Metrics.Tests.Prometheus;

public sealed class CounterTests
{
    [Theory]
    [InlineData(-1d)]
    [InlineData(-0.001)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Inc_NotAFiniteNonNegativeAmount_ThrowsAndKeepsTheValue(double by)
    {
        var child = new MetricRegistry().AddCounter("x_total", "help", "cluster").WithLabels("a");
        child.Inc(2);

        Assert.Throws<ArgumentOutOfRangeException>(() => child.Inc(by));
        Assert.Equal(2d, child.Value);
    }

    [Fact]
    public void Inc_Zero_IsAllowed()
    {
        var child = new MetricRegistry().AddCounter("x_total", "help", "cluster").WithLabels("a");

        child.Inc(0);

        Assert.Equal(0d, child.Value);
    }

    [Fact]
    public void WithLabels_SameValues_ReturnsTheSameChild()
    {
        var counter = new MetricRegistry().AddCounter("x_total", "help", "cluster");

        counter.WithLabels("a").Inc();
        counter.WithLabels("a").Inc(2);

        Assert.Equal(3d, counter.WithLabels("a").Value);
    }

    [Fact]
    public void Inc_FromManyThreads_LosesNoIncrement()
    {
        var counter = new MetricRegistry().AddCounter("x_total", "help", "cluster");

        Parallel.For(0, 40_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => counter.WithLabels($"c{i % 4}").Inc());

        Assert.All(Enumerable.Range(0, 4), c => Assert.Equal(10_000d, counter.WithLabels($"c{c}").Value));
    }

    [Fact]
    public async Task ScrapeAsync_UnlabelledCounterNeverIncremented_IsExportedAtZero()
    {
        var registry = new MetricRegistry();
        registry.AddCounter("restarts_total", "help");

        var text = await registry.ScrapeAsync(CancellationToken.None);

        Assert.Equal("0", Exposition.ValueOf(text, "restarts_total"));
    }
}
