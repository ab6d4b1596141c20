namespace PlacementEngine.Core;

/// <summary>
/// The requirement classes met so far for one index, created on first use. Many classes share their residency or
/// their worker shape, so the cluster and shape checks are run once per distinct residency and shape, not per class.
/// </summary>
internal sealed class ClassCatalog(FleetIndex index)
{
    private readonly Dictionary<RequirementKey, RequirementClass> _classes = [];
    private readonly Dictionary<ClusterKey, RejectReason?[]> _clusterStages = [];
    private readonly Dictionary<ShapeKey, RejectReason?[]> _shapeStages = [];

    public int Count => _classes.Count;

    public RequirementClass For(JobSpec spec)
    {
        var key = RequirementKey.Of(spec);
        if (!_classes.TryGetValue(key, out var found))
        {
            if (!_clusterStages.TryGetValue(key.Cluster, out var clusterStage))
            {
                clusterStage = [.. index.Clusters.Select(c => HardChecks.ClusterCheck(spec, c))];
                _clusterStages.Add(key.Cluster, clusterStage);
            }
            if (!_shapeStages.TryGetValue(key.Shape, out var shapeStage))
            {
                shapeStage = [.. index.Shapes.Select(s => HardChecks.ShapeCheck(spec.Worker, s))];
                _shapeStages.Add(key.Shape, shapeStage);
            }
            found = new RequirementClass(_classes.Count, index, clusterStage, shapeStage, spec.CapacityPolicy, Tolerations.Effective(spec));
            _classes.Add(key, found);
        }
        return found;
    }
}
