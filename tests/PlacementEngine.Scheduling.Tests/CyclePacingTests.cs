namespace PlacementEngine.Scheduling.Tests;

public sealed class CyclePacingTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(200);

    [Fact]
    public void QuickCycle_RestsTheBatchWindow()
    {
        Assert.Equal(Window, CyclePacing.RestBefore(Window, TimeSpan.FromMilliseconds(30)));
        Assert.Equal(Window, CyclePacing.RestBefore(Window, TimeSpan.Zero));
    }

    [Fact]
    public void SlowCycle_RestsTwiceItsLengthSoTheSchedulerTakesAThirdOfACore()
    {
        var rest = CyclePacing.RestBefore(Window, TimeSpan.FromMilliseconds(400));

        Assert.Equal(TimeSpan.FromMilliseconds(800), rest);
    }

    [Fact]
    public void VerySlowCycle_RestIsCapped()
    {
        Assert.Equal(CyclePacing.MaxRest, CyclePacing.RestBefore(Window, TimeSpan.FromMinutes(3)));
    }

    [Fact]
    public void WindowLongerThanTheCap_WindowWins()
    {
        var window = TimeSpan.FromSeconds(10) + TimeSpan.FromSeconds(1);

        Assert.Equal(window, CyclePacing.RestBefore(window, TimeSpan.FromMinutes(3)));
    }

    [Fact]
    public void SlowCycleThatPlacedEverything_RestsOnlyTheBatchWindow()
    {
        Assert.Equal(Window, CyclePacing.RestBefore(Window, TimeSpan.FromMilliseconds(900), considered: 1_000, decided: 1_000));
    }

    [Fact]
    public void SlowCycleThatDecidedAQuarter_RestsForTheFruitlessThreeQuarters()
    {
        var rest = CyclePacing.RestBefore(Window, TimeSpan.FromMilliseconds(400), considered: 1_000, decided: 250);

        Assert.Equal(TimeSpan.FromMilliseconds(600), rest);
    }
}
