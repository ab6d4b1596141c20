namespace PlacementEngine.Grains;

/// <summary>The reminder that re-activates a grain that must always run somewhere (after its silo died, say).</summary>
internal static class KeepAlive
{
    public const string ReminderName = "keep-alive";

    /// <summary>Orleans' shortest reminder period; timers, not the reminder, pace the work.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromMinutes(1);

    public static Task RegisterAsync(Grain grain) => grain.RegisterOrUpdateReminder(ReminderName, Period, Period);

    /// <summary>Stops re-activating a grain that should no longer run, e.g. for a cluster taken out of the fleet.</summary>
    public static async Task UnregisterAsync(Grain grain)
    {
        if (await grain.GetReminder(ReminderName).ConfigureAwait(true) is { } reminder)
        {
            await grain.UnregisterReminder(reminder).ConfigureAwait(true);
        }
    }

    public static GrainTimerCreationOptions Timer(TimeSpan period, TimeSpan? due = null) =>
        new(due ?? period, period) { Interleave = true, KeepAlive = true };
}
