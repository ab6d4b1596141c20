using PlacementEngine.LoadGen.Load;

namespace PlacementEngine.LoadGen.Tests.Load;

public class RateScheduleTests
{
    [Theory]
    [InlineData(200, 0, 0)]
    [InlineData(200, 1, 5)]
    [InlineData(200, 1000, 5000)]
    [InlineData(1000, 999, 999)]
    [InlineData(3, 1, 333.3333)]
    public void DueAt_OpenLoop_IsIndexOverRate(double rate, long index, double expectedMs) =>
        Assert.Equal(expectedMs, new RateSchedule(rate).DueAt(index).TotalMilliseconds, 3);

    [Fact]
    public void DueAt_ClosedLoop_IsAlwaysNow()
    {
        var schedule = new RateSchedule(null);

        Assert.False(schedule.IsOpenLoop);
        Assert.Equal(TimeSpan.Zero, schedule.DueAt(123_456));
    }

    [Fact]
    public void WaitFor_EarlyWaitsTheDifference_LateDoesNotWait()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(30), RateSchedule.WaitFor(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(20)));
        Assert.Equal(TimeSpan.Zero, RateSchedule.WaitFor(TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(50)));
    }

    [Theory]
    [InlineData(200, 10, 2000)]
    [InlineData(1000, 1, 1000)]
    [InlineData(3, 1, 3)]
    [InlineData(3, 1.1, 4)]
    public void DueWithin_IsTheRequestsScheduledBeforeTheEnd(double rate, double seconds, long expected) =>
        Assert.Equal(expected, new RateSchedule(rate).DueWithin(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void Limit_OpenLoopWithCountAndDuration_IsTheSmaller()
    {
        var schedule = new RateSchedule(200);

        Assert.Equal(50, new LoadPlan(8, schedule, 50, TimeSpan.FromSeconds(10)).Limit);
        Assert.Equal(2000, new LoadPlan(8, schedule, null, TimeSpan.FromSeconds(10)).Limit);
        Assert.Equal(long.MaxValue, new LoadPlan(8, new RateSchedule(null), null, TimeSpan.FromSeconds(10)).Limit);
    }
}
