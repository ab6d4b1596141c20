using PlacementEngine.Core;

namespace PlacementEngine.Core.Tests.Placement.Fast;

public sealed class WhilePayingTests
{
    [Fact]
    public void Repeat_StopsAfterTheFirstStepThatGainsLessThanTheStallShare()
    {
        // Gains of 1%, 0.5%, then 0.01% of the objective: the third stalls, so no fourth step runs.
        var objective = 1_000_000m;
        var gains = new Queue<decimal>([10_000m, 5_000m, 100m, 8_000m]);

        var steps = WhilePaying.Repeat(() => objective -= gains.Dequeue(), () => objective, maxSteps: 10);

        Assert.Equal(3, steps);
        Assert.Equal(1_000_000m - 15_100m, objective);
    }

    [Fact]
    public void Repeat_NeverRunsMoreThanMaxSteps_EvenWhileEveryStepPays()
    {
        var objective = 1_000_000m;

        var steps = WhilePaying.Repeat(() => objective *= 0.9m, () => objective, maxSteps: 4);

        Assert.Equal(4, steps);
    }

    [Fact]
    public void Repeat_StopsAtOnceWhenTheFirstStepChangesNothing()
    {
        var calls = 0;

        var steps = WhilePaying.Repeat(() => calls++, () => 5m, maxSteps: 6);

        Assert.Equal(1, steps);
        Assert.Equal(1, calls);
    }
}
