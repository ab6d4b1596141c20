using System.Collections.Concurrent;

namespace PlacementEngine.Grains;

/// <summary>
/// References to the product's grains for the calls made once per submission, change, watch or cycle. Orleans' keyed GetGrain
/// resolves the interface's grain type by reading its attributes on every call, a few per cent of a submission's CPU
/// here, so job grains are built from a type resolved once and the few fixed grains are kept.
/// </summary>
public sealed class GrainRefs(IGrainFactory grains)
{
    private readonly Lazy<(GrainType Type, GrainInterfaceType Interface)> _jobShape = new(() =>
    {
        var sample = (GrainReference)(object)grains.GetGrain<IJobGrain>("shape");
        return (sample.GrainId.Type, sample.InterfaceType);
    });
    private readonly ConcurrentDictionary<string, IClusterGrain> _clusters = new(StringComparer.Ordinal);
    private ISchedulerGrain? _scheduler;

    public IGrainFactory Factory => grains;

    public ISchedulerGrain Scheduler => _scheduler ??= grains.GetGrain<ISchedulerGrain>(ISchedulerGrain.Key);

    public IJobGrain Job(string id) => (IJobGrain)grains.GetGrain(GrainId.Create(_jobShape.Value.Type, id), _jobShape.Value.Interface);

    /// <summary>A fleet has a handful of clusters, so every one's reference is kept.</summary>
    public IClusterGrain Cluster(string name) => _clusters.GetOrAdd(name, n => grains.GetGrain<IClusterGrain>(n));
}
