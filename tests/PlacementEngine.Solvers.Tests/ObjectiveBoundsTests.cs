using PlacementEngine.Core;
using PlacementEngine.Solvers.OrTools;

namespace PlacementEngine.Solvers.Tests;

public sealed class ObjectiveBoundsTests
{
    [Theory]
    [InlineData(null, "90", "100", "90")]
    [InlineData("80", "90", "100", "90")]
    [InlineData("95", "90", "100", "95")]
    [InlineData("100.00001", "90", "100", "100")]
    public void Combine_Bounds_TakesTheBestCappedAtThePlansObjective(string? fromSolver, string relaxation, string plan, string expected)
    {
        var combined = ObjectiveBounds.Combine(fromSolver is null ? null : Dollars(fromSolver), Dollars(relaxation), Dollars(plan));

        Assert.Equal(Dollars(expected), combined);
    }

    private static Money Dollars(string text) => Money.TryParse(text, out var money) ? money : throw new ArgumentException(text);
}
