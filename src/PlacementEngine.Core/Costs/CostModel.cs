namespace PlacementEngine.Core;

/// <summary>
/// expected cost = nodes x hourly price x estimated hours
///               + GB read x egress $/GB (data region -> pool region)
///               + spot risk: expected interruptions x (work lost since the last checkpoint + restart overhead), priced.
/// </summary>
public static class CostModel
{
    /// <summary>Time to get a gang running again after a reclaim: new nodes, image pull, restore.</summary>
    public static readonly decimal RestartOverheadHours = 5m / 60m;

    /// <summary>Nodes for a gang: each worker takes whole nodes of its own. Null when a worker cannot fit one node.</summary>
    public static int? NodesFor(JobSpec spec, InstanceType type)
    {
        if (spec.Worker.Gpus == 0)
        {
            return spec.Workers;
        }
        if (type.GpusPerNode < spec.Worker.Gpus)
        {
            return null;
        }
        // ceil(gpus per worker / gpus per node) is 1 whenever a worker fits a node.
        var nodesPerWorker = (spec.Worker.Gpus + type.GpusPerNode - 1) / type.GpusPerNode;
        return checked(spec.Workers * nodesPerWorker);
    }

    public static CostBreakdown Estimate(JobSpec spec, Cluster cluster, Pool pool, int nodes, Money hourlyPerNode, PriceBook prices)
    {
        var hours = spec.EstimatedHours;
        var compute = hourlyPerNode * (nodes * hours);

        var egress = Money.Zero;
        if (spec.Data is { GbRead: > 0m } data)
        {
            egress = prices.EgressPerGb(data.Region, cluster.Region) * data.GbRead;
        }

        var spotRisk = Money.Zero;
        if (pool.CapacityType == CapacityType.Spot)
        {
            var band = prices.SpotBand(cluster.Cloud, cluster.Region.Name, pool.InstanceType.Name);
            // Any reclaimed node stops the whole gang.
            var interruptions = SpotInterruptionBand.InterruptionsPerNodeHour(band) * nodes * hours;
            var lostHours = LostHoursPerInterruption(spec) + RestartOverheadHours;
            spotRisk = hourlyPerNode * (interruptions * lostHours * nodes);
        }

        return new CostBreakdown(hourlyPerNode, nodes, hours, compute.Rounded(), egress.Rounded(), spotRisk.Rounded());
    }

    /// <summary>On average a reclaim lands halfway through a checkpoint interval, or halfway through the run without one.</summary>
    internal static decimal LostHoursPerInterruption(JobSpec spec)
    {
        var runHours = spec.EstimatedHours;
        if (spec.CheckpointInterval is { } interval)
        {
            return Math.Min((decimal)interval.TotalHours, runHours) / 2m;
        }
        return runHours / 2m;
    }
}
