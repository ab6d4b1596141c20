using PlacementEngine.Core;
using PlacementEngine.TestKit;

namespace PlacementEngine.Storage.Conformance.Jobs;

/// <summary>Specs and placements for store tests, with every optional field set where that matters.</summary>
public static class StoreTestData
{
    public const string Cluster = "eu-gpu";
    public const string SpotPool = "eu-gpu/a2-highgpu-8g/spot";
    public const string OnDemandPool = "eu-gpu/a2-highgpu-8g/on-demand";

    public static readonly RegionId Region = new(Cloud.Gcp, "europe-west4");

    /// <summary>A spec using every field, with awkward values: trailing zeros, a non-UTC deadline, unsorted maps.</summary>
    public static JobSpec FullSpec(string name = "train-llm", string team = "team-vision") =>
        JobSpecs.Gpu(name, 8, "A100-80GB", "H100")
            .Team(team)
            .Workers(4)
            .Priority(700)
            .Policy(CapacityPolicy.SpotOnly)
            .MaxHourly(32.7700m)
            .Checkpoint(TimeSpan.FromMinutes(15) + TimeSpan.FromTicks(3))
            .Data("aws:eu-central-1", 1250.500m)
            .With(s => s with
            {
                Container = new ContainerSpec(
                    "ghcr.io/example/train:2",
                    ["python", "-m", "train"],
                    ["--epochs", "3", "--name=naïve \"quoted\""],
                    new Dictionary<string, string> { ["ZETA"] = "last", ["ALPHA"] = "first", ["EMPTY"] = "" }),
                Worker = s.Worker with { VCpus = 11.50m, MemoryGiB = 120.250m },
                EstimatedRuntime = TimeSpan.FromHours(3.25) + TimeSpan.FromTicks(7),
                Residency = new Residency(
                    [Jurisdiction.Eu, new Jurisdiction("CH")],
                    [Region, new RegionId(Cloud.Aws, "eu-central-1")],
                    [Cloud.Gcp, Cloud.Aws]),
                Deadline = new DateTimeOffset(2026, 2, 1, 14, 30, 15, 250, TimeSpan.FromHours(2)),
                ClusterSelector = new Dictionary<string, string> { ["purpose"] = "training", ["environment"] = "prod" },
                Labels = new Dictionary<string, string> { ["cost-center"] = "cc-42", ["app"] = "llm" },
            })
            .Obj();

    public static Placement PlacementOn(string pool, int nodes, int attempt, decimal compute = 10.50m, decimal egress = 0.0250m, decimal spotRisk = 1.200m) =>
        new(
            Cluster,
            pool,
            Region,
            "a2-highgpu-8g",
            pool == OnDemandPool ? CapacityType.OnDemand : CapacityType.Spot,
            nodes,
            new CostBreakdown(Money.Of(2.6250m), nodes, 2.000m, Money.Of(compute), Money.Of(egress), Money.Of(spotRisk)),
            attempt);
}
