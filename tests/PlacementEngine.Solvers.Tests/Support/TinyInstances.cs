using PlacementEngine.Core;
using PlacementEngine.TestKit;

namespace PlacementEngine.Solvers.Tests.Support;

/// <summary>
/// Seeded instances small enough for brute force (2 to 6 jobs, 2 to 5 pools) and tight enough that the joint
/// constraints bind: few free nodes, small budgets, GPU caps with GPUs already in use, and priorities close enough
/// that the solver must trade jobs against each other.
/// </summary>
internal static class TinyInstances
{
    private static readonly (string Type, string? Model, int Gpus)[] Shapes =
    [
        ("g-a100-8", "A100", 8), ("g-t4-4", "T4", 4), ("c-16", null, 0),
    ];

    private static readonly string[] Regions = ["aws:eu-central-1", "gcp:us-central1"];

    private static readonly string[] Teams = ["vision", "platform"];

    public static PlacementProblem Problem(int seed)
    {
        var random = new Random(seed);
        var fleets = Fleets.Make();
        var poolsLeft = random.Next(2, 6);
        var gpusInUse = new Dictionary<(string, string), int>();
        for (var c = 0; c < Regions.Length && poolsLeft > 0; c++)
        {
            var capped = random.Next(2) == 0;
            fleets.Cluster($"c{c}", Regions[c], gpuCaps: capped ? new Dictionary<string, int> { ["A100"] = 8 * random.Next(1, 3) } : null);
            if (capped && random.Next(2) == 0)
            {
                gpusInUse[($"c{c}", "A100")] = 8 * random.Next(0, 2);
            }
            var kinds = Shapes.SelectMany(s => new[] { (s, CapacityType.OnDemand), (s, CapacityType.Spot) }).OrderBy(_ => random.Next()).ToList();
            var here = c == Regions.Length - 1 ? poolsLeft : random.Next(1, poolsLeft + 1);
            foreach (var ((type, model, gpus), capacity) in kinds.Take(here))
            {
                fleets.Pool(type, model, gpus, capacity, Price(random), random.Next(0, 4));
            }
            poolsLeft -= here;
        }
        var fleet = fleets.Fleet();
        var jobs = Enumerable.Range(0, random.Next(2, 7)).Select(i => new PendingJob(new JobId($"j{i}"), Spec(random, i), new HashSet<string>(), 1)).ToList();
        var used = fleet.Pools.Where(_ => random.Next(3) == 0).ToDictionary(p => p.Name, p => random.Next(0, p.MaxNodes + 1));
        var budgets = Teams.Where(_ => random.Next(2) == 0).ToDictionary(t => t, _ => Money.Of(random.Next(0, 400)));
        return new PlacementProblem(jobs, fleet, fleets.Prices(), used, budgets, gpusInUse);
    }

    private static decimal Price(Random random) => decimal.Round((decimal)(0.5 + (random.NextDouble() * 20)), 4);

    private static JobSpec Spec(Random random, int i)
    {
        var gpus = new[] { 0, 1, 4, 8 }[random.Next(4)];
        var builder = gpus == 0 ? JobSpecs.Cpu($"job-{i}", random.Next(1, 16)) : JobSpecs.Gpu($"job-{i}", gpus);
        builder.Team(Teams[random.Next(Teams.Length)])
            .Workers(random.Next(1, 3))
            .Hours(0.25 + (random.NextDouble() * 6))
            .Priority(random.Next(0, 4))
            .Policy((CapacityPolicy)random.Next(3));
        if (random.Next(4) == 0)
        {
            builder.InEu();
        }
        return builder.Obj();
    }
}
