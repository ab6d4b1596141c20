namespace PlacementEngine.Core;

internal sealed partial class CoordinateAscent
{
    /// <summary>
    /// A copy of <paramref name="prices"/> with every team's surcharge at its best for the other prices. The flow's
    /// prices carry no surcharge at all, so this is what makes their bound count budgets; any surcharges keep it valid.
    /// </summary>
    public DualPrices Fitted(DualPrices prices, CandidateTable table)
    {
        var fitted = prices.Clone();
        FitTeams(table, fitted);
        return fitted;
    }

    /// <summary>Every team's surcharge at its best for the other prices, in place.</summary>
    public void FitTeams(CandidateTable table, DualPrices prices)
    {
        for (var t = 0; t < _budgetLeft.Length; t++)
        {
            UpdateTeam(table, prices, t);
        }
    }

    /// <summary>
    /// A team's surcharge: the lowest at which what its jobs would spend (each on its option of least reduced cost)
    /// fits the budget. Spend only falls as the surcharge rises, so bisection finds it.
    /// </summary>
    private void UpdateTeam(CandidateTable table, DualPrices duals, int t)
    {
        var jobs = _teamJobs[t];
        if (Spend(table, duals, jobs, 0d) <= _budgetLeft[t])
        {
            duals.Team[t] = 0d;
            return;
        }
        var high = Math.Max(1d, duals.Team[t] * 2);
        while (Spend(table, duals, jobs, high) > _budgetLeft[t] && high < MaxSurcharge)
        {
            high *= 4;
        }
        var low = 0d;
        for (var step = 0; step < BisectionSteps; step++)
        {
            var middle = (low + high) / 2;
            if (Spend(table, duals, jobs, middle) > _budgetLeft[t])
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }
        duals.Team[t] = high;
    }

    private double Spend(CandidateTable table, DualPrices duals, int[] jobs, double surcharge)
    {
        var spend = 0d;
        foreach (var j in jobs)
        {
            var best = _problem.PenaltyD[j];
            var cost = 0d;
            var workers = table.Workers[j];
            for (var e = table.JobStart[j]; e < table.JobStart[j + 1]; e++)
            {
                var reduced = ((1 + surcharge) * table.Cost[e]) + (workers * duals.PerNode[table.Pool[e]]);
                if (reduced < best)
                {
                    best = reduced;
                    cost = table.Cost[e];
                }
            }
            spend += cost;
        }
        return spend;
    }
}
