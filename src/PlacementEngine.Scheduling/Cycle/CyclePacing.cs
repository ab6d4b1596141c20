namespace PlacementEngine.Scheduling;

/// <summary>
/// How long the scheduler waits after being woken before its next cycle. At least the batch window, so a burst of
/// submissions is placed jointly; and at least <see cref="RestPerBusySecond"/> times the last cycle's length, so a
/// standing backlog that no capacity admits (each cycle re-solves it to find nothing fits) keeps the scheduler to a
/// third of a core instead of starving the API of the CPU it needs to take submissions.
/// </summary>
public static class CyclePacing
{
    public const double RestPerBusySecond = 2;

    /// <summary>The longest rest, whatever the last cycle took; a slow cycle does not push the next one out further.</summary>
    public static readonly TimeSpan MaxRest = TimeSpan.FromSeconds(10);

    public static TimeSpan RestBefore(TimeSpan batchWindow, TimeSpan lastCycle)
    {
        var paced = lastCycle * RestPerBusySecond;
        if (paced > MaxRest)
        {
            paced = MaxRest;
        }
        return paced > batchWindow ? paced : batchWindow;
    }
}
