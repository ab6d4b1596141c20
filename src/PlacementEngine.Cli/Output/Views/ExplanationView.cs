using System.Globalization;
using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Cli.Output.Views;

/// <summary>
/// "jobs explain": the summary, every candidate pool cheapest first with the chosen one marked
/// "*" and the reason each other one lost, then what would let a pending job fit.
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

        if (explanation.Candidates.Count > 0)
        {
            blocks.Add(CandidateTable(explanation.Candidates, explanation.Chosen));
        }

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

    /// <summary>The candidate table, also used by "plan" so both commands show pools the same way.</summary>
    public static TableBlock CandidateTable(IEnumerable<Candidate> candidates, Candidate? chosen) => new(
        "Candidates (cheapest first, * = chosen)",
        ["", "CLUSTER", "POOL", "CLOUD", "REGION", "INSTANCE", "CAPACITY", "NODES", "$/H", "TOTAL", "REASON"],
        [.. CheapestFirst(candidates).Select(c => Row(c, IsChosen(c, chosen)))]);

    private static IReadOnlyList<string> Row(Candidate candidate, bool chosen) =>
    [
        chosen ? ChosenMark : "",
        candidate.Cluster,
        candidate.Pool,
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
