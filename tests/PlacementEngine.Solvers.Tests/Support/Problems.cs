using PlacementEngine.Core;
using PlacementEngine.TestKit;

namespace PlacementEngine.Solvers.Tests.Support;

/// <summary>Hand-made problems: jobs j0, j1, ... in the order given, on a fleet from <see cref="Fleets"/>.</summary>
internal static class Problems
{
    public static PlacementProblem Of(
        Fleets fleets,
        IEnumerable<JobSpec> specs,
        IReadOnlyDictionary<string, Money>? budgets = null,
        IReadOnlyDictionary<string, int>? usedNodes = null,
        IReadOnlyDictionary<(string, string), int>? gpusInUse = null)
    {
        var jobs = specs.Select((spec, i) => new PendingJob(new JobId($"j{i}"), spec, new HashSet<string>(), 1)).ToList();
        return new PlacementProblem(
            jobs,
            fleets.Fleet(),
            fleets.Prices(),
            usedNodes ?? new Dictionary<string, int>(),
            budgets ?? new Dictionary<string, Money>(),
            gpusInUse ?? new Dictionary<(string, string), int>());
    }

    /// <summary>An 8-GPU training job for one 8-GPU node; on an on-demand pool at $h/h it costs 2h (it runs 2 hours).</summary>
    public static JobSpecs Training(string name, int priority = 0) =>
        JobSpecs.Gpu(name, 8).Priority(priority).Policy(CapacityPolicy.OnDemandOnly);

    public static Fleets EuAndUs(decimal euHourly, int euNodes, decimal usHourly, int usNodes) =>
        Fleets.Make()
            .Cluster("eu", "aws:eu-central-1").Pool("g-a100-8", "A100", 8, CapacityType.OnDemand, euHourly, euNodes)
            .Cluster("us", "aws:us-east-1").Pool("g-a100-8", "A100", 8, CapacityType.OnDemand, usHourly, usNodes);
}
