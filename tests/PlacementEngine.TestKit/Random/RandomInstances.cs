using PlacementEngine.Core;

namespace PlacementEngine.TestKit;

/// <summary>Seeded random fleets and job queues for property tests: the same seed gives the same instance.</summary>
public static class RandomInstances
{
    private static readonly string[] Regions =
    [
        "aws:us-east-1", "aws:eu-central-1", "gcp:us-central1", "gcp:europe-west4", "azure:eastus", "azure:westeurope",
        "aws:eu-west-2", "gcp:asia-northeast1",
    ];

    private static readonly (string Type, string? Model, int Gpus)[] Shapes =
    [
        ("g-t4-1", "T4", 1), ("g-t4-4", "T4", 4), ("g-a100-8", "A100", 8), ("g-a100-80-8", "A100-80GB", 8),
        ("g-h100-8", "H100", 8), ("g-v100-4", "V100", 4), ("c-16", null, 0),
    ];

    private static readonly string[] Teams = ["ml-research", "vision", "platform"];

    public static PlacementProblem Problem(int seed, int clusters = 5, int jobs = 30)
    {
        var random = new Random(seed);
        var fleets = Fleets.Make();
        for (var c = 0; c < clusters; c++)
        {
            var region = Regions[random.Next(Regions.Length)];
            var caps = random.Next(3) == 0 ? new Dictionary<string, int> { ["A100"] = 8 * random.Next(1, 3) } : null;
            fleets.Cluster($"c{c}", region, healthy: random.Next(8) != 0, gpuCaps: caps);
            foreach (var shape in Shapes.Where(_ => random.Next(2) == 0))
            {
                var onDemand = (decimal)Math.Round(0.5 + random.NextDouble() * 40, 4);
                var vcpus = 8m * random.Next(1, 13);
                fleets.Pool(shape.Type, shape.Model, shape.Gpus, CapacityType.OnDemand, onDemand, random.Next(0, 5), vcpus, vcpus * 8m);
                if (random.Next(2) == 0)
                {
                    fleets.Pool(shape.Type, shape.Model, shape.Gpus, CapacityType.Spot, decimal.Round(onDemand * (decimal)(0.2 + random.NextDouble() * 0.6), 4), random.Next(0, 5), vcpus, vcpus * 8m);
                }
            }
        }
        var fleet = fleets.Fleet();
        var pending = Enumerable.Range(0, jobs).Select(i => new PendingJob(new JobId($"j{i}"), RandomSpec(random, i), new HashSet<string>(), 1)).ToList();
        var used = fleet.Pools.Where(_ => random.Next(4) == 0).ToDictionary(p => p.Name, p => random.Next(0, p.MaxNodes + 1));
        var budgets = Teams.Where(_ => random.Next(2) == 0).ToDictionary(t => t, _ => Money.Of(random.Next(0, 2000)));
        return new PlacementProblem(pending, fleet, fleets.Prices(), used, budgets, new Dictionary<(string, string), int>());
    }

    private static JobSpec RandomSpec(Random random, int i)
    {
        var gpus = new[] { 0, 1, 1, 2, 4, 8, 8 }[random.Next(7)];
        var models = gpus == 0 ? [] : new[] { "T4", "A100", "A100-80GB", "H100", "V100" }.Where(_ => random.Next(3) == 0).ToArray();
        var builder = gpus == 0 ? JobSpecs.Cpu($"job-{i}", random.Next(1, 16)) : JobSpecs.Gpu($"job-{i}", gpus, models);
        builder.Team(Teams[random.Next(Teams.Length)])
            .Workers(random.Next(1, 4))
            .Hours(0.25 + random.NextDouble() * 20)
            .Priority(random.Next(0, 100))
            .Policy((CapacityPolicy)random.Next(3));
        switch (random.Next(3))
        {
            case 0: builder.InEu(); break;
            case 1: builder.In("US"); break;
        }
        if (random.Next(4) == 0)
        {
            builder.MaxHourly(random.Next(1, 80));
        }
        return builder.Obj();
    }
}
