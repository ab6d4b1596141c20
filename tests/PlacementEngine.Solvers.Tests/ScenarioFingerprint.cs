using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PlacementEngine.Core;

namespace PlacementEngine.Solvers.Tests;

/// <summary>
/// A hash of everything a solver can see in a problem: every job's spec, every cluster and pool, every price the
/// fleet uses with its spot band, the egress from each job's data to each cluster, used nodes, GPUs in use, budgets.
/// Equal fingerprints mean the same problem.
/// </summary>
internal static class ScenarioFingerprint
{
    public static string Of(PlacementProblem problem)
    {
        var text = new StringBuilder();
        void Part(FormattableString part) => text.Append(part.ToString(CultureInfo.InvariantCulture));
        void Line(FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));

        foreach (var job in problem.Jobs)
        {
            var s = job.Spec;
            Part($"job {job.Id} {s.Name} {s.Team} {s.Workers}x{s.Worker.Gpus} [{string.Join("/", s.Worker.GpuModels)}] {s.Worker.VCpus} {s.Worker.MemoryGiB} ");
            Part($"{s.EstimatedRuntime.Ticks} [{string.Join("/", s.Residency.Jurisdictions)}] {s.Data?.Region} {s.Data?.GbRead} {s.CapacityPolicy} ");
            Line($"{s.CheckpointInterval?.Ticks} {s.MaxHourlyPrice} {s.Priority}");
        }
        foreach (var cluster in problem.Fleet.Clusters)
        {
            Line($"cluster {cluster.Name} {cluster.Region} {cluster.Jurisdiction} {cluster.Healthy} {string.Join(",", cluster.GpuCaps.OrderBy(c => c.Key, StringComparer.Ordinal))}");
            foreach (var job in problem.Jobs.Where(j => j.Spec.Data is not null).Select(j => j.Spec.Data!.Region).Distinct())
            {
                Line($"egress {job} {cluster.Region} {problem.Prices.EgressPerGb(job, cluster.Region)}");
            }
        }
        foreach (var pool in problem.Fleet.Pools)
        {
            var cluster = problem.Fleet.ClusterOf(pool);
            var type = pool.InstanceType;
            problem.Prices.TryGetHourly(PriceKey.For(cluster, pool), out var price);
            Part($"pool {pool.Name} {type.Name} {type.GpuModel} {type.GpusPerNode} {type.VCpus} {type.MemoryGiB} {pool.CapacityType} {pool.Zone} ");
            Line($"{pool.MaxNodes} {problem.UsedNodes.GetValueOrDefault(pool.Name)} {price} {problem.Prices.SpotBand(cluster.Cloud, cluster.Region.Name, type.Name)}");
        }
        foreach (var (key, gpus) in problem.GpusInUse.OrderBy(g => g.Key.Cluster, StringComparer.Ordinal).ThenBy(g => g.Key.GpuModel, StringComparer.Ordinal))
        {
            Line($"in-use {key.Cluster} {key.GpuModel} {gpus}");
        }
        foreach (var (team, budget) in problem.RemainingBudgets.OrderBy(b => b.Key, StringComparer.Ordinal))
        {
            Line($"budget {team} {budget}");
        }
        Line($"prices {problem.Prices.Count}");
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
