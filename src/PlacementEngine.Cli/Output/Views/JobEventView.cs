using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Cli.Output.Views;

/// <summary>One-line summaries for commands that act on a job: submit, cancel and each event of watch.</summary>
internal static class JobEventView
{
    public static IReadOnlyList<Block> Submitted(SubmitJobResponse response)
    {
        var job = response.Job ?? new Job();
        var lines = new List<string>
        {
            response.AlreadyExisted
                ? $"job {job.Id} already existed (same idempotency key); state {JobDetailView.StateWithReason(job)}"
                : $"job {job.Id} submitted; state {JobDetailView.StateWithReason(job)}",
        };
        AddPlacement(job, lines);
        return [new LinesBlock(lines)];
    }

    public static IReadOnlyList<Block> Cancelled(Job job) =>
        [new LinesBlock([$"job {job.Id}: {JobDetailView.StateWithReason(job)}"])];

    /// <summary>The first event is the current snapshot; later ones each carry one transition.</summary>
    public static IReadOnlyList<Block> WatchEvent(JobEvent jobEvent)
    {
        var job = jobEvent.Job ?? new Job();
        if (jobEvent.Transition is not { } transition)
        {
            var lines = new List<string> { $"job {job.Id}: {JobDetailView.StateWithReason(job)}" };
            AddPlacement(job, lines);
            return [new LinesBlock(lines)];
        }

        var line = $"{Display.Time(transition.At)}  {Display.State(transition.From)} -> {Display.State(transition.To)}";
        var reason = transition.Reason.Length > 0 ? $"  {transition.Reason}" : "";
        var where = transition.To == JobState.Placed && job.Placement is { Cluster.Length: > 0 } placement
            ? $"  on {JobDetailView.PlacementLine(placement)}"
            : "";
        return [new LinesBlock([line + reason + where])];
    }

    private static void AddPlacement(Job job, List<string> lines)
    {
        if (job.Placement is { Cluster.Length: > 0 } placement)
        {
            lines.Add($"placed on {JobDetailView.PlacementLine(placement)}");
        }
    }
}
