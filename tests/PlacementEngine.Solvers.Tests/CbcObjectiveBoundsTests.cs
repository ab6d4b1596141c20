using PlacementEngine.Core;
using PlacementEngine.Solvers.Cbc;

namespace PlacementEngine.Solvers.Tests;

public sealed class CbcObjectiveBoundsTests
{
    [Fact]
    public void FromCbc_Bound_IsLoweredBeyondCbcsTolerancesAndRoundedDownToAMillionth()
    {
        var bound = ObjectiveBounds.FromCbc(1234.5678915);

        Assert.Equal(Money.Of(1234.567790m), bound);
    }

    [Fact]
    public void FromCbc_NoBound_IsNull() => Assert.Null(ObjectiveBounds.FromCbc(null));

    [Theory]
    [InlineData(null, "90", "100", "90")]
    [InlineData("80", "90", "100", "90")]
    [InlineData("95", "90", "100", "95")]
    [InlineData("100.00001", "90", "100", "100")]
    public void Combine_Bounds_TakesTheBestCappedAtThePlansObjective(string? fromCbc, string relaxation, string plan, string expected)
    {
        var combined = ObjectiveBounds.Combine(fromCbc is null ? null : Dollars(fromCbc), Dollars(relaxation), Dollars(plan));

        Assert.Equal(Dollars(expected), combined);
    }

    private static Money Dollars(string text) => Money.TryParse(text, out var money) ? money : throw new ArgumentException(text);
}
