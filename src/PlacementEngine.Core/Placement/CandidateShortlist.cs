namespace PlacementEngine.Core;

/// <summary>
/// Which candidates an explanation shows by default: the chosen pool and the best few others. Every pool of a
/// 52-pool fleet for each of 1000 planned jobs is a 10 MB answer, beyond what a default gRPC client receives;
/// the chosen pool and three others answer "why here, and what came next" and keep a job to a few hundred bytes.
/// </summary>
public static class CandidateShortlist
{
    /// <summary>
    /// Others beside the chosen pool: three covers the usual comparison (spot against on-demand, the next region,
    /// a cheaper pool ruled out) while 1000 jobs of them stay well under 4 MiB.
    /// </summary>
    public const int DefaultOthers = 3;

    /// <summary>
    /// Cheapest first whatever the verdict (unpriced last, then by pool name), so a user sees what each cheaper
    /// pool would have cost and why it lost.
    /// </summary>
    public static IReadOnlyList<Candidate> CheapestFirst(IEnumerable<Candidate> candidates) =>
        [.. candidates
            .OrderBy(c => c.Cost is null ? 1 : 0)
            .ThenBy(c => c.Cost?.Total.Dollars ?? 0m)
            .ThenBy(c => c.Pool.Name, StringComparer.Ordinal)];

    /// <summary>
    /// The chosen pool and the <paramref name="others"/> best other candidates, cheapest first. Best: pools that
    /// could take the job before rejected ones (the runners-up), then cheaper before dearer.
    /// </summary>
    public static IReadOnlyList<Candidate> Best(IReadOnlyList<Candidate> candidates, string? chosenPool, int others = DefaultOthers)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentOutOfRangeException.ThrowIfNegative(others);
        var ordered = CheapestFirst(candidates);
        var kept = ordered
            .Where(c => c.Pool.Name != chosenPool)
            .Select((c, rank) => (Candidate: c, rank))
            .OrderBy(x => x.Candidate.Eligible ? 0 : 1)
            .ThenBy(x => x.rank)
            .Take(others)
            .Select(x => x.Candidate)
            .ToHashSet();
        return [.. ordered.Where(c => c.Pool.Name == chosenPool || kept.Contains(c))];
    }
}
