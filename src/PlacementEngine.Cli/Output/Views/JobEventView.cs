using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Cli.Output.Views;

/// <summary>One-line summaries for commands that act on a job: submit, cancel and each event of watch.</summary>
internal static class JobEventView
{
    /// <param name="rerunOf">The job whose spec this is, for "jobs rerun"; null for "jobs submit".</param>
    public static IReadOnlyList<Block> Submitted(SubmitJobResponse response, string? rerunOf = null)
    {
        var job = response.Job ?? new Job();
        var origin = rerunOf is null ? "" : $" as a rerun of {rerunOf}";
        var lines = new List<string>
        {
            response.AlreadyExisted
                ? $"job {job.Id} already existed (same idempotency key); state {JobDetailView.StateWithReason(job)}"
                : $"job {job.Id} submitted{origin}; state {JobDetailView.StateWithReason(job)}",
        };
        AddPlacement(job, lines);
        return [new LinesBlock(lines)];
    }

    public static IReadOnlyList<Block> Cancelled(Job job) =>
        [new LinesBlock([$"job {job.Id}: {JobDetailView.StateWithReason(job)}"])];

    /// <summary>The first event is the current snapshot with the history so far; later ones each carry one transition.</summary>
    public static IReadOnlyList<Block> WatchEvent(JobEvent jobEvent)
    {
        var job = jobEvent.Job ?? new Job();
        if (jobEvent.Transition is not { } transition)
        {
            var lines = new List<string> { $"job {job.Id}: {JobDetailView.StateWithReason(job)}" };
            AddPlacement(job, lines);
            lines.AddRange(job.Transitions.Select(HistoryLine));
            return [new LinesBlock(lines)];
        }

        var where = transition.To == JobState.Placed && job.Placement is { Cluster.Length: > 0 } placement
            ? $"  on {JobDetailView.PlacementLine(placement)}"
            : "";
        return [new LinesBlock([HistoryLine(transition) + where])];
    }

    /// <summary>"2026-11-21 09:05:00Z  Placed -> Running  pods running"; the first entry reads "submitted".</summary>
    public static string HistoryLine(StateTransition transition)
    {
        var reason = transition.Reason.Length > 0 && !JobDetailView.IsSubmission(transition) ? $"  {Display.Text(transition.Reason)}" : "";
        return $"{Display.Time(transition.At)}  {JobDetailView.Change(transition)}{reason}";
    }

    private static void AddPlacement(Job job, List<string> lines)
    {
        if (job.Placement is { Cluster.Length: > 0 } placement)
        {
            lines.Add($"placed on {JobDetailView.PlacementLine(placement)}");
        }
    }
}
