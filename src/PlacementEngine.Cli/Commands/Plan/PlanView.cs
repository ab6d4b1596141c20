using PlacementEngine.Cli.Output;
using PlacementEngine.Cli.Output.Views;
using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Cli.Commands.Plan;

/// <summary>
/// "plan": per job a header (name, placed or pending, expected total), the server's summary, the candidate
/// table of "jobs explain" with the chosen pool marked "*" (and how many pools it leaves out), and what would
/// fit; then the plan's total.
/// </summary>
internal static class PlanView
{
    /// <param name="allCommand">The command line that shows every candidate, for the note on pools left out.</param>
    public static IReadOnlyList<Block> Build(PlanJobsResponse response, string allCommand = "placectl plan --all")
    {
        var blocks = new List<Block>();
        foreach (var job in response.Jobs)
        {
            blocks.Add(new LinesBlock([Header(job, response.Jobs.Count), $"  {Display.Text(job.Summary)}"]));
            blocks.AddRange(ExplanationView.Candidates(job.Candidates, job.Chosen, job.CandidatesOmitted, allCommand));

            if (job.WhatWouldFit.Count > 0)
            {
                blocks.Add(new LinesBlock(["What would fit:", .. job.WhatWouldFit.Select(hint => $"  - {hint}")]));
            }
        }

        blocks.Add(new LinesBlock([Total(response), "Nothing was submitted: this plan is a what-if against the current queue, capacity and prices."]));
        return blocks;
    }

    /// <summary>"2/3 train-eu: placed on gke-ew4/a100-spot, expected $23.95" or "3/3 big-run: pending (capacity)".</summary>
    public static string Header(PlannedJob job, int count)
    {
        var position = $"{job.Index + 1}/{count} {job.Name}";
        if (!job.Placed)
        {
            return job.Reason.Length > 0 ? $"{position}: pending ({job.Reason})" : $"{position}: pending";
        }

        return $"{position}: placed on {Display.Text(job.Chosen?.Pool ?? "")}, expected {Display.Dollars(job.Chosen?.Cost?.Total ?? "")}";
    }

    public static string Total(PlanJobsResponse response)
    {
        var placed = response.Jobs.Count(j => j.Placed);
        var solver = response.Solver.Length > 0 ? $" (solver {response.Solver})" : "";
        return $"Total: {placed} of {response.Jobs.Count} jobs placed, expected {Display.Dollars(response.TotalCost)}{solver}";
    }
}
