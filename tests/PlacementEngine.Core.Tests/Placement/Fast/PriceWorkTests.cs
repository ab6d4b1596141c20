using PlacementEngine.Core;

namespace PlacementEngine.Core.Tests.Placement.Fast;

public sealed class PriceWorkTests
{
    [Theory]
    [InlineData(0.9e9, false)] // XL seed 4 contended: the prices' value after 200 iterations, a third of the flow's bound
    [InlineData(2.0e9, true)] // within a quarter: the polish may still lift it past the flow's bound
    [InlineData(2.7e9, true)] // above it already
    [InlineData(double.NegativeInfinity, true)] // lists just grew, value unknown: bound them as before
    public void WorthPolishing_AgainstTheFlowBound_OnlyPricesThatCouldBeatIt(double bestValue, bool expected) =>
        Assert.Equal(expected, PriceWork.WorthPolishing(bestValue, 2_664_368_911m));
}
