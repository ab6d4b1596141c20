using System.Globalization;
using PlacementEngine.Core;

namespace PlacementEngine.Storage.Conformance.Jobs;

/// <summary>
/// Field-by-field comparison of jobs: the domain records hold lists and maps, which record equality compares
/// by reference. Decimals are compared as text, so a store that drops a trailing zero ("1.50" -> "1.5") fails.
/// </summary>
public static class JobAssert
{
    public static void Same(Job expected, Job? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Id, actual.Id);
        Same(expected.Spec, actual.Spec);
        Assert.Equal(expected.IdempotencyKey, actual.IdempotencyKey);
        Assert.Equal(expected.State, actual.State);
        Assert.Equal(expected.StateReason, actual.StateReason);
        Assert.Equal(expected.Version, actual.Version);
        Assert.Equal(expected.CreatedAt, actual.CreatedAt);
        Assert.Equal(expected.UpdatedAt, actual.UpdatedAt);
        Assert.Equal(expected.Attempt, actual.Attempt);
        Same(expected.Placement, actual.Placement);
        Assert.Equal(expected.BlockedPools.Order(StringComparer.Ordinal), actual.BlockedPools.Order(StringComparer.Ordinal));
    }

    public static void Same(JobSpec expected, JobSpec actual)
    {
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.Team, actual.Team);
        Assert.Equal(expected.Container.Image, actual.Container.Image);
        Assert.Equal(expected.Container.Command, actual.Container.Command);
        Assert.Equal(expected.Container.Args, actual.Container.Args);
        SameMap(expected.Container.Env, actual.Container.Env);
        Assert.Equal(expected.Worker.Gpus, actual.Worker.Gpus);
        Assert.Equal(expected.Worker.GpuModels, actual.Worker.GpuModels);
        SameDecimal(expected.Worker.VCpus, actual.Worker.VCpus);
        SameDecimal(expected.Worker.MemoryGiB, actual.Worker.MemoryGiB);
        Assert.Equal(expected.Workers, actual.Workers);
        Assert.Equal(expected.EstimatedRuntime, actual.EstimatedRuntime);
        Assert.Equal(expected.Residency.Jurisdictions, actual.Residency.Jurisdictions);
        Assert.Equal(expected.Residency.Regions, actual.Residency.Regions);
        Assert.Equal(expected.Residency.Clouds, actual.Residency.Clouds);
        Assert.Equal(expected.Data?.Region, actual.Data?.Region);
        SameDecimal(expected.Data?.GbRead, actual.Data?.GbRead);
        Assert.Equal(expected.CapacityPolicy, actual.CapacityPolicy);
        Assert.Equal(expected.CheckpointInterval, actual.CheckpointInterval);
        SameDecimal(expected.MaxHourlyPrice?.Dollars, actual.MaxHourlyPrice?.Dollars);
        Assert.Equal(expected.Deadline, actual.Deadline);
        Assert.Equal(expected.Priority, actual.Priority);
        SameMap(expected.ClusterSelector, actual.ClusterSelector);
        SameMap(expected.Labels, actual.Labels);
    }

    public static void Same(Placement? expected, Placement? actual)
    {
        if (expected is null || actual is null)
        {
            Assert.Equal(expected, actual);
            return;
        }
        // Placement and CostBreakdown hold only scalars, so record equality is exact apart from decimal scale.
        Assert.Equal(expected, actual);
        SameDecimal(expected.Cost.HourlyPricePerNode.Dollars, actual.Cost.HourlyPricePerNode.Dollars);
        SameDecimal(expected.Cost.Hours, actual.Cost.Hours);
        SameDecimal(expected.Cost.Compute.Dollars, actual.Cost.Compute.Dollars);
        SameDecimal(expected.Cost.Egress.Dollars, actual.Cost.Egress.Dollars);
        SameDecimal(expected.Cost.SpotRisk.Dollars, actual.Cost.SpotRisk.Dollars);
    }

    public static void SameMoney(Money expected, Money actual) => SameDecimal(expected.Dollars, actual.Dollars);

    private static void SameDecimal(decimal? expected, decimal? actual) =>
        Assert.Equal(expected?.ToString(CultureInfo.InvariantCulture), actual?.ToString(CultureInfo.InvariantCulture));

    private static void SameMap(IReadOnlyDictionary<string, string> expected, IReadOnlyDictionary<string, string> actual) =>
        Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), actual.OrderBy(p => p.Key, StringComparer.Ordinal));
}
