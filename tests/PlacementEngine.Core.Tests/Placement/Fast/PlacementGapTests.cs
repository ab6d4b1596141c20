using PlacementEngine.Core;

namespace PlacementEngine.Core.Tests.Placement.Fast;

public sealed class PlacementGapTests
{
    [Theory]
    [InlineData(100, 98, 0.02)]
    [InlineData(100, 100, 0)]
    [InlineData(0, 0, 0)]
    [InlineData(100, 101, 0)]
    public void Relative_ObjectiveAndBound_IsTheShareOfTheObjectiveNotProven(double objective, double bound, double expected)
    {
        Assert.Equal(expected, PlacementGap.Relative(Money.Of((decimal)objective), Money.Of((decimal)bound)), 9);
    }

    [Fact]
    public void AgainstCost_PenaltiesDominate_MeasuresTheGapAgainstTheSpend()
    {
        var plan = new PlacementPlan("fast", [], [], Money.Of(990m));

        // Nothing placed: any gap is infinite against a spend of zero; no gap is zero.
        Assert.Equal(double.PositiveInfinity, PlacementGap.AgainstCost(plan, Money.Of(1000m), Money.Of(990m)));
        Assert.Equal(0d, PlacementGap.AgainstCost(plan, Money.Of(1000m), Money.Of(1000m)));
    }
}
