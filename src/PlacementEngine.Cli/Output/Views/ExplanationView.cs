using System.Globalization;
using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Cli.Output.Views;

/// <summary>
/// "jobs explain": the summary, the candidate pools cheapest first (the chosen one, marked "*", and the best few
/// others, or every one with --all) with the reason each other one lost, then what would let a pending job fit.
/// </summary>
internal static class ExplanationView
{
    public const string ChosenMark = "*";

    public static IReadOnlyList<Block> Build(Explanation explanation)
    {
        var blocks = new List<Block>
        {
            new FieldsBlock(
            [
                new("Job", explanation.JobId),
                new("State", Display.State(explanation.State)),
                new("Summary", Display.Text(explanation.Summary)),
            ]),
        };

        blocks.AddRange(Candidates(explanation.Candidates, explanation.Chosen, explanation.CandidatesOmitted, $"placectl jobs explain {explanation.JobId} --all"));

        if (explanation.PendingReasons.Count > 0)
        {
            blocks.Add(Bullets("Pending because:", explanation.PendingReasons));
        }

        if (explanation.WhatWouldFit.Count > 0)
        {
            blocks.Add(Bullets("What would fit:", explanation.WhatWouldFit));
        }

        return blocks;
    }

    /// <summary>
    /// Candidates ordered by expected total, unpriced ones last. The server already sends them
    /// cheapest first; sorting again (stably) keeps the promise even if it does not.
    /// </summary>
    public static IReadOnlyList<Candidate> CheapestFirst(IEnumerable<Candidate> candidates) =>
        [.. candidates.OrderBy(c => TotalOrNull(c) is null).ThenBy(c => TotalOrNull(c) ?? 0m)];

    /// <summary>
    /// The candidate table and, when the server left pools out (it sends the chosen one and the best few unless
    /// asked for all), how many and the command that shows them. Also used by "plan", so both show pools alike.
    /// </summary>
    public static IEnumerable<Block> Candidates(IReadOnlyCollection<Candidate> candidates, Candidate? chosen, int omitted, string allCommand)
    {
        if (candidates.Count > 0)
        {
            yield return CandidateTable(candidates, chosen);
        }
        if (omitted > 0)
        {
            yield return new LinesBlock([$"{omitted} more candidate {(omitted == 1 ? "pool" : "pools")} not shown; {Display.Text(allCommand)} shows every one"]);
        }
    }

    /// <summary>The candidate table.</summary>
    public static TableBlock CandidateTable(IEnumerable<Candidate> candidates, Candidate? chosen) => new(
        "Candidates (cheapest first, * = chosen)",
        ["", "POOL", "CLOUD", "REGION", "INSTANCE", "CAPACITY", "NODES", "$/H", "TOTAL", "REASON"],
        [.. CheapestFirst(candidates).Select(c => Row(c, IsChosen(c, chosen)))]);

    private static IReadOnlyList<string> Row(Candidate candidate, bool chosen) =>
    [
        chosen ? ChosenMark : "",
        JobDetailView.PoolPath(candidate.Cluster, candidate.Pool),
        Display.Text(candidate.Cloud),
        Display.Text(candidate.Region),
        Display.Text(candidate.InstanceType),
        Display.Capacity(candidate.CapacityType),
        candidate.Nodes.ToString(CultureInfo.InvariantCulture),
        Display.Dollars(candidate.Cost?.HourlyPrice ?? ""),
        Display.Dollars(candidate.Cost?.Total ?? ""),
        Reason(candidate, chosen),
    ];

    private static string Reason(Candidate candidate, bool chosen)
    {
        var reason = candidate.Reason.Length > 0 ? candidate.Reason : chosen ? "chosen" : candidate.Eligible ? "eligible" : Display.None;
        return candidate.Detail.Length > 0 ? $"{reason}: {candidate.Detail}" : reason;
    }

    private static bool IsChosen(Candidate candidate, Candidate? chosen) =>
        candidate.Chosen
        || (chosen is not null && chosen.Cluster == candidate.Cluster && chosen.Pool == candidate.Pool && chosen.CapacityType == candidate.CapacityType);

    private static decimal? TotalOrNull(Candidate candidate) =>
        decimal.TryParse(candidate.Cost?.Total, NumberStyles.Number, CultureInfo.InvariantCulture, out var total) ? total : null;

    private static LinesBlock Bullets(string title, IEnumerable<string> items) =>
        new([title, .. items.Select(item => $"  - {item}")]);
}
