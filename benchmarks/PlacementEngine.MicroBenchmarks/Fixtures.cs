using PlacementEngine.Core;
using PlacementEngine.Scenarios;

namespace PlacementEngine.MicroBenchmarks;

/// <summary>The scenarios the micro benchmarks measure against: seed 1, contended, from the shared real data.</summary>
internal static class Fixtures
{
    public const int Seed = 1;

    public static Scenario Generate(ScenarioSize size) => ScenarioGenerator.Shared.Generate(size, Seed, contended: true);

    /// <summary>
    /// The job that passes the cheap checks on the most pools (no residency, any GPU model, the smallest worker): the
    /// most work for an eligibility scan or a single-job placement.
    /// </summary>
    public static PendingJob WidestJob(PlacementProblem problem) =>
        problem.Jobs
            .OrderBy(j => j.Spec.Residency.Jurisdictions.Count + j.Spec.Worker.GpuModels.Count)
            .ThenBy(j => j.Spec.Workers * j.Spec.Worker.Gpus)
            .ThenBy(j => j.Spec.CapacityPolicy == CapacityPolicy.SpotPreferred ? 0 : 1)
            .First();
}
