using PlacementEngine.Core;

namespace PlacementEngine.Scenarios;

/// <summary>
/// Pending jobs from a window of the Philly trace, in submit order. GPU count and duration are the trace's;
/// the team is the job's Philly virtual cluster. What the trace does not record is drawn per job:
/// <list type="bullet">
/// <item>residency: EU-only 30%, US-only 30%, anywhere 40%;</item>
/// <item>accepted GPU models: see <see cref="GpuAcceptance"/>; per worker 2, 4 (twice as likely) or 6 vCPUs and 8, 16 (twice as likely) or 32 GiB per GPU;</item>
/// <item>capacity policy: spot-preferred 50%, spot-only 20%, on-demand-only 30%; three in four spot-tolerant jobs
///   checkpoint every 10, 30 or 60 minutes;</item>
/// <item>data: 75% of jobs read a dataset kept in a fleet region their residency allows: 1 GB to 1 TB (log-uniform),
///   read once, but never more than the job could stream at 0.5 GB/s over its runtime (a one-minute job reads at most 30 GB);</item>
/// <item>priority 0 (60%), 1 (30%), 2 (10%); a price cap on 10% of jobs, 1 to 2.5 times the reference GPU price per GPU.</item>
/// </list>
/// </summary>
internal static class JobSampler
{
    private static readonly ContainerSpec Container = new("trainer:philly", ["python", "train.py"], [], new Dictionary<string, string>());
    private static readonly IReadOnlyDictionary<string, string> NoLabels = new Dictionary<string, string>();
    private static readonly IReadOnlySet<string> NoBlockedPools = new HashSet<string>();
    private static readonly Residency EuOnly = new([Jurisdiction.Eu], [], []);
    private static readonly Residency UsOnly = new([RegionClasses.Us], [], []);
    private static readonly int[] VCpusPerGpu = [2, 4, 4, 6];
    private static readonly int[] MemoryGiBPerGpu = [8, 16, 16, 32];
    private static readonly int[] CheckpointMinutes = [10, 30, 60];
    private const double SmallestDatasetGb = 1;
    private const double LargestDatasetGb = 1_000;
    private const decimal StreamGbPerSecond = 0.5m;

    public static (List<PendingJob> Jobs, int FirstTraceIndex) Sample(
        IReadOnlyList<TraceJob> trace,
        int count,
        IReadOnlyDictionary<RegionClass, List<RegionId>> fleetRegions,
        decimal referencePricePerGpuHour,
        Random random)
    {
        if (trace.Count < count)
        {
            throw new InvalidOperationException($"the trace has {trace.Count} jobs, {count} were asked for");
        }
        var start = random.Next(0, trace.Count - count + 1);
        var allRegions = fleetRegions.Values.SelectMany(r => r).OrderBy(r => r.ToString(), StringComparer.Ordinal).ToList();
        var jobs = new List<PendingJob>(count);
        for (var i = 0; i < count; i++)
        {
            var spec = Spec(trace[start + i], fleetRegions, allRegions, referencePricePerGpuHour, random);
            jobs.Add(new PendingJob(new JobId($"job-{i:D5}"), spec, NoBlockedPools, NextAttempt: 1));
        }
        return (jobs, start);
    }

    private static JobSpec Spec(
        TraceJob row,
        IReadOnlyDictionary<RegionClass, List<RegionId>> fleetRegions,
        List<RegionId> allRegions,
        decimal referencePricePerGpuHour,
        Random random)
    {
        var (workers, gpusPerWorker) = GangShape.For(row.Gpus);
        var worker = new WorkerResources(
            gpusPerWorker,
            GpuAcceptance.Draw(random),
            random.Pick(VCpusPerGpu) * gpusPerWorker,
            random.Pick(MemoryGiBPerGpu) * gpusPerWorker);
        var runtime = TimeSpan.FromSeconds(row.DurationSeconds);

        var (residency, dataRegions) = random.NextDouble() switch
        {
            < 0.3 => (EuOnly, fleetRegions.GetValueOrDefault(RegionClass.Eu)),
            < 0.6 => (UsOnly, fleetRegions.GetValueOrDefault(RegionClass.Us)),
            _ => (Residency.Anywhere, allRegions),
        };
        DataLocation? data = null;
        if (random.NextDouble() < 0.75 && dataRegions is { Count: > 0 })
        {
            var dataset = (decimal)Math.Exp(random.Between(Math.Log(SmallestDatasetGb), Math.Log(LargestDatasetGb)));
            var gb = decimal.Round(Math.Min(dataset, row.DurationSeconds * StreamGbPerSecond), 1);
            data = new DataLocation(random.Pick(dataRegions), Math.Max(gb, 0.1m));
        }

        var policy = random.NextDouble() switch
        {
            < 0.5 => CapacityPolicy.SpotPreferred,
            < 0.7 => CapacityPolicy.SpotOnly,
            _ => CapacityPolicy.OnDemandOnly,
        };
        TimeSpan? checkpoint = policy != CapacityPolicy.OnDemandOnly && random.NextDouble() < 0.75
            ? TimeSpan.FromMinutes(random.Pick(CheckpointMinutes))
            : null;
        var priority = random.NextDouble() switch
        {
            < 0.6 => 0,
            < 0.9 => 1,
            _ => 2,
        };
        Money? cap = random.NextDouble() < 0.1
            ? Money.Of(decimal.Round(workers * gpusPerWorker * referencePricePerGpuHour * (decimal)random.Between(1.0, 2.5), 2))
            : null;

        return new JobSpec(
            $"philly-{row.Row}",
            $"vc-{(row.VirtualCluster.Length > 0 ? row.VirtualCluster : "unknown")}",
            Container,
            worker,
            workers,
            runtime,
            residency,
            data,
            policy,
            checkpoint,
            cap,
            Deadline: null,
            priority,
            NoLabels,
            NoLabels);
    }
}
