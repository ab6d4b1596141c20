namespace PlacementEngine.Scheduling;

/// <summary>
/// How long the scheduler waits after being woken before its next cycle. At least the batch window, so a burst of
/// submissions is placed jointly; and at least <see cref="RestPerBusySecond"/> times the last cycle's fruitless part,
/// so a standing backlog that no capacity admits (each cycle re-solves it to find nothing fits) keeps the scheduler to
/// a third of a core instead of starving the API of the CPU it needs to take submissions.
/// </summary>
/// <remarks>
/// Only the fruitless part is paced: a cycle that placed what it considered did the work it exists for, and resting
/// twice its length after it only grew the next batch (at 700 submissions a second, cycles of a second and rests of two).
/// </remarks>
public static class CyclePacing
{
    public const double RestPerBusySecond = 2;

    /// <summary>The longest rest, whatever the last cycle took; a slow cycle does not push the next one out further.</summary>
    public static readonly TimeSpan MaxRest = TimeSpan.FromSeconds(10);

    /// <param name="batchWindow">The shortest rest.</param>
    /// <param name="lastCycle">How long the last cycle took.</param>
    /// <param name="considered">Jobs the last cycle considered.</param>
    /// <param name="decided">Of those, the ones it placed or found unschedulable: the ones that left the queue.</param>
    public static TimeSpan RestBefore(TimeSpan batchWindow, TimeSpan lastCycle, int considered = 0, int decided = 0)
    {
        var fruitless = considered > 0 ? 1 - Math.Clamp((double)decided / considered, 0, 1) : 1;
        var paced = lastCycle * (RestPerBusySecond * fruitless);
        if (paced > MaxRest)
        {
            paced = MaxRest;
        }
        return paced > batchWindow ? paced : batchWindow;
    }
}
