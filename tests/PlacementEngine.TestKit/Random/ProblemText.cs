using System.Globalization;
using PlacementEngine.Core;

namespace PlacementEngine.TestKit;

/// <summary>A placement problem written out for a person reading a shrunk counterexample.</summary>
public static class ProblemText
{
    public static string Describe(PlacementProblem problem)
    {
        var lines = new List<string> { "jobs:" };
        lines.AddRange(problem.Jobs.Select(job => "  " + Describe(job)));
        lines.Add("pools:");
        lines.AddRange(problem.Fleet.Pools.Select(pool => "  " + Describe(problem, pool)));
        lines.Add("budgets: " + string.Join(", ", problem.RemainingBudgets.Select(b => $"{b.Key} {b.Value}")));
        lines.Add("GPUs in use: " + string.Join(", ", problem.GpusInUse.Select(g => $"{g.Key.Cluster} {g.Key.GpuModel} {g.Value}")));
        return string.Join(Environment.NewLine, lines);
    }

    private static string Describe(PendingJob job)
    {
        var spec = job.Spec;
        var worker = spec.Worker;
        var gpus = worker.Gpus == 0 ? "no GPU" : $"{worker.Gpus} GPU [{string.Join(", ", worker.GpuModels)}]";
        var residency = spec.Residency.Jurisdictions.Count == 0 ? "anywhere" : $"in [{string.Join(", ", spec.Residency.Jurisdictions)}]";
        return string.Create(CultureInfo.InvariantCulture,
            $"{job.Id}: team {spec.Team}, {spec.Workers} x ({gpus}, {worker.VCpus} vCPU, {worker.MemoryGiB} GiB), {spec.EstimatedHours:0.##} h, " +
            $"priority {spec.Priority}, {spec.CapacityPolicy}, {residency}, max {spec.MaxHourlyPrice?.ToString() ?? "-"}/h, " +
            $"blocked [{string.Join(", ", job.BlockedPools)}]");
    }

    private static string Describe(PlacementProblem problem, Pool pool)
    {
        var cluster = problem.Fleet.ClusterOf(pool);
        var shape = pool.InstanceType;
        var key = new PriceKey(cluster.Cloud, cluster.Region.Name, PriceKey.PricedName(cluster.Cloud, shape), pool.CapacityType);
        var price = problem.Prices.TryGetHourly(key, out var hourly) ? hourly.ToString() : "no price";
        var caps = string.Join(", ", cluster.GpuCaps.Select(c => $"{c.Key} cap {c.Value}"));
        return string.Create(CultureInfo.InvariantCulture,
            $"{pool.Name} ({cluster.Region}, {cluster.Jurisdiction}, {(cluster.Healthy ? "healthy" : "unhealthy")}{(caps.Length > 0 ? ", " + caps : "")}): " +
            $"{shape.GpusPerNode} x {shape.GpuModel ?? "CPU"}, {shape.VCpus} vCPU, {pool.CapacityType}, {problem.FreeNodes(pool)} of {pool.MaxNodes} free, {price}/h");
    }
}
