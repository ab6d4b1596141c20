namespace PlacementEngine.Kubernetes.Model;

// The parts of batch/v1 Job this executor writes (spec) and reads (status).

internal sealed record V1Job
{
    public const string JobApiVersion = "batch/v1";
    public const string JobKind = "Job";

    public string? ApiVersion { get; init; }
    public string? Kind { get; init; }
    public V1ObjectMeta? Metadata { get; init; }
    public V1JobSpec? Spec { get; init; }
    public V1JobStatus? Status { get; init; }
}

internal sealed record V1JobSpec
{
    public string? CompletionMode { get; init; }
    public int? Completions { get; init; }
    public int? Parallelism { get; init; }
    public int? BackoffLimit { get; init; }
    public V1PodFailurePolicy? PodFailurePolicy { get; init; }
    public V1PodTemplateSpec? Template { get; init; }
}

internal sealed record V1PodFailurePolicy
{
    public IReadOnlyList<V1PodFailurePolicyRule>? Rules { get; init; }
}

internal sealed record V1PodFailurePolicyRule
{
    public string? Action { get; init; }
    public IReadOnlyList<V1PodFailurePolicyOnPodConditionsPattern>? OnPodConditions { get; init; }
}

internal sealed record V1PodFailurePolicyOnPodConditionsPattern
{
    public string? Type { get; init; }
    public string? Status { get; init; }
}

internal sealed record V1JobStatus
{
    public int? Active { get; init; }

    /// <summary>Pods with the Ready condition; absent on API servers older than 1.24.</summary>
    public int? Ready { get; init; }

    public int? Succeeded { get; init; }
    public int? Failed { get; init; }
    public IReadOnlyList<V1JobCondition>? Conditions { get; init; }
}

internal sealed record V1JobCondition
{
    public string? Type { get; init; }
    public string? Status { get; init; }
    public string? Reason { get; init; }
    public string? Message { get; init; }
}
