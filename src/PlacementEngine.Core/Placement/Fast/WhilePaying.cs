namespace PlacementEngine.Core;

/// <summary>
/// Repeats an improvement step while it still pays: the solver's own rule for when to stop improving, since the core
/// has no clock. On L seeds 5 and 7 contended each local-search pass after the first gained 0.1% to 0.5% and then
/// nothing, while the repairs around them took up to a second a round for a few hundred dollars.
/// </summary>
internal static class WhilePaying
{
    /// <summary>A step that lowers the objective by less than this share of it has stalled: on L seed 5 the fourth round of repairs gained 0.08%, on XL seed 7 the third 0.05%, each for about a tenth of the run.</summary>
    public const decimal StallShare = 0.001m;

    /// <summary>Runs <paramref name="step"/> (which lowers <paramref name="objective"/> or leaves it) at most <paramref name="maxSteps"/> times, stopping after the first that stalls; returns the steps run.</summary>
    public static int Repeat(Action step, Func<decimal> objective, int maxSteps)
    {
        var steps = 0;
        while (steps < maxSteps)
        {
            var before = objective();
            step();
            steps++;
            if (Stalled(before, objective()))
            {
                break;
            }
        }
        return steps;
    }

    /// <summary>Whether going from <paramref name="before"/> to <paramref name="after"/> gained less than <see cref="StallShare"/>.</summary>
    public static bool Stalled(decimal before, decimal after) => before - after < StallShare * Math.Abs(before);
}
