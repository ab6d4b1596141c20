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
    /// fits the budget. Spend only falls as the surcharge rises, so bisection finds it, from a bracket around the last
    /// surcharge: between fits a few steps apart it moves little, and each probe is a pass over the team's jobs.
    /// </summary>
    private void UpdateTeam(CandidateTable table, DualPrices duals, int t)
    {
        var jobs = _teamJobs[t];
        var budget = _budgetLeft[t];
        var last = duals.Team[t];
        double low, high;
        if (last > 0 && Spend(table, duals, jobs, last) <= budget)
        {
            // The last surcharge still fits: the least that fits lies at or below it.
            (low, high) = (last / SurchargeBracket, last);
            if (Spend(table, duals, jobs, low) <= budget)
            {
                if (Spend(table, duals, jobs, 0d) <= budget)
                {
                    duals.Team[t] = 0d;
                    return;
                }
                // Spend at zero is over the budget, so it is over it below some surcharge above zero: this ends.
                do
                {
                    (low, high) = (low / 4, low);
                }
                while (Spend(table, duals, jobs, low) <= budget);
            }
        }
        else
        {
            if (last <= 0 && Spend(table, duals, jobs, 0d) <= budget)
            {
                duals.Team[t] = 0d;
                return;
            }
            // Spend at the last surcharge (or at zero) is over the budget: the least that fits lies above it.
            (low, high) = last > 0 ? (last, last * SurchargeBracket) : (0d, 1d);
            while (high < MaxSurcharge && Spend(table, duals, jobs, high) > budget)
            {
                (low, high) = (high, high * 4);
            }
        }
        for (var step = 0; step < MaxBisectionSteps && high - low > high * SurchargePrecision; step++)
        {
            var middle = (low + high) / 2;
            if (Spend(table, duals, jobs, middle) > budget)
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

    /// <summary>What the jobs would spend at the surcharge; chunks of them in parallel, summed in chunk order.</summary>
    private double Spend(CandidateTable table, DualPrices duals, int[] jobs, double surcharge)
    {
        JobChunks.Run(jobs.Length, (chunk, from, to) => _spendParts[chunk] = Spend(table, duals, jobs, surcharge, from, to));
        return _spendParts.Sum();
    }

    private double Spend(CandidateTable table, DualPrices duals, int[] jobs, double surcharge, int from, int to)
    {
        var spend = 0d;
        for (var i = from; i < to; i++)
        {
            var j = jobs[i];
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
