using System.Globalization;
using PlacementEngine.Core;

namespace PlacementEngine.Scenarios;

/// <summary>
/// Builds placement problems from real data, deterministic by seed: fleets from the AWS, GCP and Azure catalogs
/// (<see cref="FleetSampler"/>), jobs from the Philly trace (<see cref="JobSampler"/>), pool capacities against the
/// jobs' demand (<see cref="CapacityPlanner"/>), per-cluster GPU caps (<see cref="GpuCapPlanner"/>) and team budgets
/// (<see cref="TeamBudgets"/>). The price book holds exactly the fleet's prices, the egress matrix and AWS spot bands.
/// </summary>
public sealed class ScenarioGenerator(ScenarioData data)
{
    private const int FleetStream = 1;
    private const int JobStream = 2;
    private const int CapacityStream = 3;
    private const int CapStream = 4;
    private const int BudgetStream = 5;

    private static readonly IReadOnlyDictionary<string, string> ClusterLabels =
        new Dictionary<string, string>(StringComparer.Ordinal) { ["environment"] = "prod", ["purpose"] = "training" };

    private static readonly IReadOnlyDictionary<string, string> NoLabels = new Dictionary<string, string>();

    /// <summary>A generator over the shared data next to the checkout.</summary>
    public static ScenarioGenerator Shared => new(ScenarioData.Shared);

    public Scenario Generate(ScenarioSize size, int seed, bool contended)
    {
        var (jobCount, poolCount) = size.Dimensions();

        var clusters = FleetSampler.Sample(data, poolCount, SeededRandom.Stream(seed, FleetStream));
        var drafts = clusters.SelectMany(c => c.Pools).ToList();
        var referencePrice = Median(drafts.Select(p => p.PricePerGpu));

        var regionsByClass = clusters.Select(c => c.Region).Distinct()
            .GroupBy(r => RegionClasses.Of(data.Regions.TryGet(r, out var info) ? info.Jurisdiction : default))
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.ToString(), StringComparer.Ordinal).ToList());
        var (jobs, traceStart) = JobSampler.Sample(data.Trace, jobCount, regionsByClass, referencePrice, SeededRandom.Stream(seed, JobStream));
        var demandNodes = jobs.Sum(j => (long)j.Spec.Workers);

        var (free, used) = CapacityPlanner.Plan(drafts, demandNodes, contended, SeededRandom.Stream(seed, CapacityStream));
        var capacity = drafts.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => (Free: free[x.i], Used: used[x.i]));
        var (caps, gpusInUse) = GpuCapPlanner.Plan(clusters, capacity, SeededRandom.Stream(seed, CapStream));
        var budgets = TeamBudgets.Draw(jobs, referencePrice, SeededRandom.Stream(seed, BudgetStream), out var tight);

        var fleet = BuildFleet(clusters, capacity, caps);
        var usedNodes = drafts.Where(p => capacity[p].Used > 0).ToDictionary(p => p.Name, p => capacity[p].Used, StringComparer.Ordinal);
        var problem = new PlacementProblem(jobs, fleet, BuildPrices(drafts), usedNodes, budgets, gpusInUse);

        var stats = new ScenarioStats(
            clusters.Count,
            drafts.Count(p => RegionClasses.Of(p.Cluster.Jurisdiction) == RegionClass.Us),
            drafts.Count(p => RegionClasses.Of(p.Cluster.Jurisdiction) == RegionClass.Eu),
            drafts.Count(p => RegionClasses.Of(p.Cluster.Jurisdiction) == RegionClass.Other),
            demandNodes,
            drafts.Sum(p => (long)capacity[p].Free),
            jobs.Sum(j => (long)j.Spec.Workers * j.Spec.Worker.Gpus),
            drafts.Sum(p => (long)capacity[p].Free * p.Offer.Type.GpusPerNode),
            caps.Count,
            jobs.Select(j => j.Spec.Team).Distinct(StringComparer.Ordinal).Count(),
            tight,
            referencePrice,
            traceStart);
        return new Scenario(size, seed, contended, problem, stats, Describe(size, seed, contended, stats, data.Trace[traceStart]));
    }

    private static Fleet BuildFleet(
        List<ClusterDraft> clusters,
        Dictionary<PoolDraft, (int Free, int Used)> capacity,
        Dictionary<string, Dictionary<string, int>> caps)
    {
        var noCaps = new Dictionary<string, int>();
        var built = clusters.Select(c => new Cluster(
            c.Name, c.Region, c.Jurisdiction, ClusterLabels, Healthy: true, caps.TryGetValue(c.Name, out var cap) ? cap : noCaps));
        var pools = clusters.SelectMany(c => c.Pools).Select(p => new Pool(
            p.Name, p.Cluster.Name, p.Offer.Type, p.Capacity, p.Offer.Zone, capacity[p].Free + capacity[p].Used, NoLabels));
        return new Fleet(built, pools);
    }

    /// <summary>Exactly the fleet's prices; the whole egress matrix; the AWS spot bands of the fleet's instance types.</summary>
    private PriceBook BuildPrices(List<PoolDraft> drafts)
    {
        var hourly = new Dictionary<PriceKey, Money>();
        var bands = new Dictionary<(Cloud, string, string), int>();
        foreach (var pool in drafts)
        {
            var region = pool.Cluster.Region;
            hourly[new PriceKey(region.Cloud, region.Name, pool.Offer.Type.Name, pool.Capacity)] = pool.Price;
            var bandKey = (region.Cloud, region.Name, pool.Offer.Type.Name);
            if (data.SpotBands.TryGetValue(bandKey, out var band))
            {
                bands[bandKey] = band;
            }
        }
        return new PriceBook(1, hourly, data.Egress, bands);
    }

    private static decimal Median(IEnumerable<decimal> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0m : sorted[sorted.Count / 2];
    }

    private static string Describe(ScenarioSize size, int seed, bool contended, ScenarioStats s, TraceJob first)
    {
        var c = CultureInfo.InvariantCulture;
        var (jobs, pools) = size.Dimensions();
        return string.Create(c,
            $"{size} seed {seed}{(contended ? " contended" : "")}: {jobs:N0} Philly jobs from {first.Submitted:yyyy-MM-dd HH:mm} " +
            $"(trace position {s.TraceFirstIndex:N0}) on {pools:N0} pools in {s.Clusters} clusters " +
            $"(US {s.PoolsUs}, EU {s.PoolsEu}, other {s.PoolsOther} pools); jobs need at least {s.DemandNodes:N0} nodes, " +
            $"{s.FreeNodes:N0} are free ({(double)s.FreeNodes / Math.Max(1, s.DemandNodes):0.00}x); jobs ask for {s.DemandGpus:N0} GPUs, " +
            $"free nodes carry {s.FreeGpus:N0}; GPU caps on {s.CappedClusters} of the {s.Clusters} clusters; " +
            $"{s.Teams} teams, {s.TightBudgets} on a tight budget; reference ${s.ReferencePricePerGpuHour:0.###}/GPU-hour");
    }
}
