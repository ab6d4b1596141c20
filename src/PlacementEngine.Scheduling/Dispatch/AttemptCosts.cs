using PlacementEngine.Core;

namespace PlacementEngine.Scheduling;

/// <summary>What an attempt actually cost: its nodes at the placed price for the time it ran.</summary>
public static class AttemptCosts
{
    /// <param name="ranFor">How long it ran when the executor says so (the simulator's scaled time); otherwise since it started running.</param>
    public static AttemptEnd End(Job job, string outcome, DateTimeOffset at, TimeSpan? ranFor = null)
    {
        var placement = job.Placement;
        if (placement is null || job.State != JobState.Running)
        {
            // Never ran: nothing billed. Dispatched-but-not-running time is the cloud's provisioning, not ours to charge.
            return new AttemptEnd(outcome, Money.Zero, at);
        }
        // The Running transition is the job's last update while it runs.
        var hours = (decimal)Math.Max(0, (ranFor ?? at - job.UpdatedAt).TotalHours);
        var cost = placement.Cost.HourlyPricePerNode * (placement.Nodes * hours);
        return new AttemptEnd(outcome, cost.Rounded(), at);
    }
}
