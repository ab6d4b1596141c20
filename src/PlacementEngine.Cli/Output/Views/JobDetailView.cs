using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Cli.Output.Views;

/// <summary>"jobs get": the job's fields, where it runs and what it is expected to cost, then its history.</summary>
internal static class JobDetailView
{
    public static IReadOnlyList<Block> Build(Job job)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("ID", job.Id),
            new("Name", Display.Text(job.Spec?.Name ?? "")),
            new("Team", Display.Text(job.Team)),
            new("State", StateWithReason(job)),
            new("Attempts", job.Attempts.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Created", Display.Time(job.CreatedAt)),
            new("Updated", Display.Time(job.UpdatedAt)),
        };

        if (job.Spec is { } spec)
        {
            fields.Add(new("Workers", WorkerSummary(spec)));
            fields.Add(new("Runtime", Display.Duration(spec.EstimatedRuntimeSeconds)));
            fields.Add(new("Capacity", CapacitySummary(spec)));
        }

        if (job.Placement is { } placement && placement.Cluster.Length > 0)
        {
            fields.AddRange(PlacementFields(placement));
        }

        if (job.IdempotencyKey.Length > 0)
        {
            fields.Add(new("Idempotency key", job.IdempotencyKey));
        }

        var blocks = new List<Block> { new FieldsBlock(fields) };
        if (job.Transitions.Count > 0)
        {
            blocks.Add(TransitionsTable(job));
        }

        return blocks;
    }

    public static string StateWithReason(Job job) =>
        job.StateReason.Length == 0 ? Display.State(job.State) : $"{Display.State(job.State)} ({job.StateReason})";

    /// <summary>One line describing where a placed job runs, shared by get, submit and watch.</summary>
    public static string PlacementLine(Placement placement)
    {
        var simulated = placement.Simulated ? ", simulated" : "";
        var cost = placement.Cost is { Total.Length: > 0 } c ? $", expected {Display.Dollars(c.Total)}" : "";
        return $"{PoolPath(placement.Cluster, placement.Pool)} ({placement.Cloud} {placement.Region}, {placement.Nodes} x {placement.InstanceType} {Display.Capacity(placement.CapacityType)}{simulated}){cost}";
    }

    /// <summary>"cluster/pool", once: a fleet file's default pool names already start with their cluster.</summary>
    public static string PoolPath(string cluster, string pool) =>
        pool.StartsWith(cluster + "/", StringComparison.Ordinal) ? pool : $"{cluster}/{pool}";

    /// <summary>The first history entry: the job was submitted and had no state before.</summary>
    public static bool IsSubmission(StateTransition transition) => transition.From == JobState.Unspecified;

    /// <summary>"Pending -> Placed", or "submitted" for the first entry.</summary>
    public static string Change(StateTransition transition) =>
        IsSubmission(transition) ? "submitted" : $"{Display.State(transition.From)} -> {Display.State(transition.To)}";

    private static IEnumerable<KeyValuePair<string, string>> PlacementFields(Placement placement)
    {
        yield return new("Placement", PlacementLine(placement));
        if (placement.Cost is { } cost)
        {
            var nodes = cost.Nodes == 1 ? "1 node" : $"{cost.Nodes} nodes";
            yield return new("Cost", $"{Display.Dollars(cost.HourlyPrice)}/h x {nodes} x {Display.Number(cost.Hours)} h = compute {Display.Dollars(cost.Compute)}; " +
                $"egress {Display.Dollars(cost.Egress)}; spot risk {Display.Dollars(cost.SpotRisk)}; total {Display.Dollars(cost.Total)}");
        }

        if (placement.KubernetesJob.Length > 0)
        {
            yield return new("Kubernetes job", placement.KubernetesJob);
        }
    }

    private static string WorkerSummary(JobSpec spec)
    {
        var worker = spec.Worker ?? new WorkerResources();
        var gpus = worker.Gpus > 0
            ? $"{worker.Gpus} GPU {(worker.GpuModels.Count > 0 ? string.Join("|", worker.GpuModels) : "any")}, "
            : "";
        return $"{spec.Workers} x ({gpus}{Display.Number(worker.Vcpus)} vCPU, {Display.Number(worker.MemoryGib)} GiB)";
    }

    private static string CapacitySummary(JobSpec spec)
    {
        var checkpoints = spec.CheckpointIntervalSeconds > 0
            ? $", checkpoints every {Display.Duration(spec.CheckpointIntervalSeconds)}"
            : ", no checkpoints";
        return Display.Policy(spec.CapacityPolicy) + checkpoints;
    }

    private static TableBlock TransitionsTable(Job job) => new(
        "History",
        ["AT", "CHANGE", "REASON"],
        [.. job.Transitions.Select(t => (IReadOnlyList<string>)[Display.Time(t.At), Change(t), IsSubmission(t) ? Display.None : Display.Text(t.Reason)])]);
}
