using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Cli.Output.Views;

/// <summary>"jobs list": one row per job.</summary>
internal static class JobListView
{
    public static IReadOnlyList<Block> Build(IReadOnlyList<Job> jobs)
    {
        if (jobs.Count == 0)
        {
            return [new LinesBlock(["No jobs found."])];
        }

        return
        [
            new TableBlock(
                null,
                ["ID", "NAME", "TEAM", "STATE", "PLACEMENT", "CREATED"],
                [.. jobs.Select(Row)]),
        ];
    }

    private static IReadOnlyList<string> Row(Job job) =>
    [
        job.Id,
        Display.Text(job.Spec?.Name ?? ""),
        Display.Text(job.Team),
        Display.State(job.State),
        job.Placement is { Pool.Length: > 0 } placement ? JobDetailView.PoolPath(placement.Cluster, placement.Pool) : Display.None,
        Display.Time(job.CreatedAt),
    ];
}
