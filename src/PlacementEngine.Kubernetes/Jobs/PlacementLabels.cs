namespace PlacementEngine.Kubernetes.Jobs;

/// <summary>Labels and annotations the executor puts on every Job (and its pods) it creates.</summary>
internal static class PlacementLabels
{
    public const string JobId = "placement.dev/job-id";
    public const string Attempt = "placement.dev/attempt";
    public const string Team = "placement.dev/team";
    public const string Pool = "placement.dev/pool";

    /// <summary>Annotations keep the exact names that label values may have had to shorten or sanitise.</summary>
    public const string PoolAnnotation = "placement.dev/pool";
    public const string ClusterAnnotation = "placement.dev/cluster";
    public const string JobNameAnnotation = "placement.dev/job-name";

    /// <summary>Selects every Job this scheduler dispatched: the job-id label exists.</summary>
    public const string DispatchedSelector = JobId;
}
