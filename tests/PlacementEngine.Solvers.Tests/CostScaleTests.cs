using PlacementEngine.Core;
using PlacementEngine.Solvers.OrTools;
using PlacementEngine.Solvers.Tests.Support;

namespace PlacementEngine.Solvers.Tests;

public sealed class CostScaleTests
{
    [Fact]
    public void For_CostsInMillionths_CountsMillionthsExactly()
    {
        var scale = CostScale.For(Model(Money.Of(0.3m), columnObjective: -6.999999m));

        Assert.Equal((0.000001m, true), (scale.Resolution, scale.Exact));
        Assert.Equal(Money.Zero, scale.BoundSlack(jobs: 1000));
    }

    [Theory]
    [InlineData("0.3", 300_000, 300_000)]
    [InlineData("0.2999999", 300_000, 299_999)]
    [InlineData("1500", 1_500_000_000, 1_500_000_000)]
    public void UpAndDown_BudgetAmounts_RoundUsesUpAndLimitsDown(string amount, long up, long down)
    {
        var scale = new CostScale(CostScale.Finest, Exact: true);
        var dollars = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal((up, down), (scale.Up(dollars), scale.Down(dollars)));
    }

    [Fact]
    public void For_ObjectiveBeyondWhatADoubleHoldsExactly_CoarsensTheUnitAndSaysSo()
    {
        // $100 billion of penalties: 10^17 millionths, past 2^53.
        var scale = CostScale.For(Model(Money.Of(100_000_000_000m), columnObjective: -100_000_000_000.000001m));

        Assert.True(scale.Resolution > CostScale.Finest);
        Assert.True(200_000_000_000m / scale.Resolution <= CostScale.MaxUnits);
        Assert.False(scale.Exact);
        Assert.Equal(Money.Of(1000 * scale.Resolution / 2), scale.BoundSlack(jobs: 1000));
    }

    [Fact]
    public void For_BudgetNotOnTheUnit_IsNotExact()
    {
        var model = Model(Money.Of(1m), columnObjective: -1m) with
        {
            Rows = [new ModelRow(ModelRowKind.Budget, "team-a", [0], [0.0000001m], 0m)],
        };

        Assert.False(CostScale.For(model).Exact);
    }

    private static PlacementModel Model(Money constant, decimal columnObjective)
    {
        var problem = Problems.Of(Problems.EuAndUs(1m, 1, 1m, 1), [Problems.Training("a").Obj()]);
        var candidate = problem.CandidatesFor(problem.Jobs[0])[0];
        return new PlacementModel([new ModelColumn(0, candidate, columnObjective)], [], constant);
    }
}
