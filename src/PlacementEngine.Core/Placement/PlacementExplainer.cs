namespace PlacementEngine.Core;

/// <param name="Waits">Why the job waits when no pool fits it; null when it is placed or a pool fits now.</param>
public sealed record JobExplanation(
    IReadOnlyList<Candidate> Candidates,
    Candidate? Chosen,
    string Summary,
    IReadOnlyList<string> WhatWouldFit,
    (RejectReason Reason, string Detail)? Waits = null);

/// <summary>Why a job went where it went, or why it waits, against a snapshot of the fleet and prices.</summary>
public static class PlacementExplainer
{
    public static JobExplanation Explain(PlacementProblem problem, PendingJob job, string? chosenPool)
    {
        var ledger = new CapacityLedger(problem);
        var candidates = problem.CandidatesFor(job)
            .Select(c => c.Eligible && c.Pool.Name != chosenPool && ledger.Check(job, c) is { } miss
                ? c.Reject(miss.Reason, miss.Detail)
                : c)
            .ToList();
        var chosen = chosenPool is null ? null : candidates.FirstOrDefault(c => c.Pool.Name == chosenPool);

        if (chosen?.Cost is { } cost)
        {
            var cheaper = candidates.Count(c => c.Cost is not null && c.Cost.Total < cost.Total && c != chosen);
            var summary = $"placed on {chosen.Pool.Name} in {chosen.Cluster.Region}: expected ${cost.Total} " +
                $"(compute ${cost.Compute} + egress ${cost.Egress} + spot risk ${cost.SpotRisk}); " +
                (cheaper == 0 ? "the cheapest pool of all" : $"{cheaper} cheaper pools were ruled out");
            return new JobExplanation(candidates, chosen, summary, []);
        }

        var eligibleNow = candidates.FirstOrDefault(c => c.Eligible);
        if (eligibleNow is not null)
        {
            return new JobExplanation(candidates, null, $"pending: {eligibleNow.Pool.Name} fits now and will be taken at the next cycle", []);
        }
        if (NoPoolPriced(problem) is { } unpriced)
        {
            // Nothing fits whatever the spec says: a hint to change the spec (a GPU model, a region) would mislead.
            return new JobExplanation(candidates, null, $"pending (no-price): {unpriced}", [$"import prices: {unpriced}"], (RejectReason.NoPrice, unpriced));
        }
        var (reason, detail) = GreedySolver.DominantRejection(candidates);
        return new JobExplanation(candidates, null, $"pending ({reason.ToWire()}): {detail}", WhatWouldFit(candidates, job.Spec.Worker.Gpus > 0), (reason, detail));
    }

    /// <summary>
    /// When no pool of the fleet has a price nothing can be placed whatever the spec says; the most counted
    /// rejection (often the GPU model) would send the user after the wrong fix. Null when some pool has a price.
    /// </summary>
    public static string? NoPoolPriced(PlacementProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var pools = problem.Fleet.Pools;
        return pools.Count == 0 || pools.Any(pool => problem.Prices.TryGetHourly(PriceKey.For(problem.Fleet.ClusterOf(pool), pool), out _))
            ? null
            : $"none of the {pools.Count} pools has a price in the active price book; import prices first";
    }

    private static List<string> WhatWouldFit(IReadOnlyList<Candidate> candidates, bool asksForGpus)
    {
        var hints = new List<string>();
        foreach (var group in candidates.Where(c => !c.Eligible).GroupBy(c => c.Rejection!.Value).OrderBy(g => g.Key))
        {
            var best = group.OrderBy(c => c.Cost?.Total.Dollars ?? decimal.MaxValue).First();
            var price = best.Cost is null ? "" : $" (expected ${best.Cost.Total})";
            var hint = group.Key switch
            {
                RejectReason.Residency => $"allow {best.Cluster.Jurisdiction} / {best.Cluster.Region}: {best.Pool.Name}{price}",
                RejectReason.GpuModel => best.Pool.InstanceType.GpuModel is { } m ? $"accept GPU model {m}: {best.Pool.Name}{price}" : null,
                RejectReason.GpuCount => $"ask for at most {best.Pool.InstanceType.GpusPerNode} GPUs per worker: {best.Pool.Name}{price}",
                RejectReason.Resources => $"ask for at most {best.Pool.InstanceType.VCpus} vCPU / {best.Pool.InstanceType.MemoryGiB} GiB per worker: {best.Pool.Name}{price}",
                RejectReason.CapacityPolicy => $"allow {best.Pool.CapacityType.ToWire()} capacity: {best.Pool.Name}{price}",
                RejectReason.PriceCap => best.Cost is null ? null : $"raise max_hourly_price to ${best.Cost.HourlyPriceForJob}: {best.Pool.Name}",
                RejectReason.Capacity => $"wait for {best.Cost?.Nodes} free nodes in {best.Pool.Name}{price}: {best.Detail}",
                RejectReason.Budget => $"raise the team budget: {best.Detail}",
                // A job without GPUs only meets the cap by landing on a GPU node: more GPUs are not what it lacks.
                RejectReason.GpuCap => asksForGpus ? $"raise the GPU cap: {best.Detail}" : null,
                RejectReason.Taint => $"tolerate the taint: {best.Detail}",
                RejectReason.Selector => $"relax the cluster selector: {best.Detail}",
                RejectReason.Unhealthy => $"wait for {best.Cluster.Name} to recover{price}",
                _ => null,
            };
            if (hint is not null)
            {
                hints.Add(hint);
            }
        }
        return hints;
    }
}
