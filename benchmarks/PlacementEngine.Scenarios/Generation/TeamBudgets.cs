using PlacementEngine.Core;

namespace PlacementEngine.Scenarios;

/// <summary>
/// Remaining budgets per team. A team's need is its jobs' GPU-hours at the fleet's reference price per GPU-hour
/// (the median over pools). Teams in name order draw: tight (40%, 30% to 70% of the need), generous (30%, two to
/// four times the need) or unlimited (30%, no budget entry).
/// </summary>
internal static class TeamBudgets
{
    public static Dictionary<string, Money> Draw(IReadOnlyList<PendingJob> jobs, decimal referencePricePerGpuHour, Random random, out int tight)
    {
        tight = 0;
        var budgets = new Dictionary<string, Money>(StringComparer.Ordinal);
        var needs = jobs
            .GroupBy(j => j.Spec.Team, StringComparer.Ordinal)
            .Select(g => (Team: g.Key, GpuHours: g.Sum(j => j.Spec.Workers * j.Spec.Worker.Gpus * j.Spec.EstimatedHours)))
            .OrderBy(t => t.Team, StringComparer.Ordinal);
        foreach (var (team, gpuHours) in needs)
        {
            var need = gpuHours * referencePricePerGpuHour;
            var draw = random.NextDouble();
            if (draw < 0.4)
            {
                budgets[team] = Money.Of(decimal.Round(need * (decimal)random.Between(0.3, 0.7), 2));
                tight++;
            }
            else if (draw < 0.7)
            {
                budgets[team] = Money.Of(decimal.Round(need * (decimal)random.Between(2.0, 4.0), 2));
            }
        }
        return budgets;
    }
}
