using k8s.Models;
using PlacementEngine.Scheduling;

namespace PlacementEngine.Kubernetes.Jobs;

internal sealed record ObservedPhase(ExecutionPhase Phase, string Reason);

/// <summary>
/// Reads an attempt's phase from its Job object alone:
/// <list type="bullet">
/// <item>Complete=True: Succeeded.</item>
/// <item>Failed=True or FailureTarget=True (1.31+ sets it first, while pods still terminate): Failed, except that the
/// reason PodFailurePolicy with a message naming DisruptionTarget means a worker pod was disrupted (spot reclaim,
/// eviction, scheduler preemption, its node gone) and matched the FailJob rule <see cref="JobManifestBuilder"/>
/// puts first: Preempted.</item>
/// <item>A worker ready: Running. Where the server reports no ready count (before 1.24), an active worker counts.
/// Active alone is not enough otherwise: pods waiting for a node are active too.</item>
/// <item>Workers already finished without a verdict yet: still Running.</item>
/// <item>Otherwise Pending.</item>
/// </list>
/// Not detected: a disruption on a Job created without that rule (it fails with BackoffLimitExceeded).
/// </summary>
internal static class JobPhaseReader
{
    public const string PodFailurePolicyReason = "PodFailurePolicy";

    public static ObservedPhase Read(V1Job job)
    {
        var status = job.Status ?? new V1JobStatus();
        var conditions = status.Conditions ?? [];
        if (FindTrue(conditions, "Complete") is { } complete)
        {
            return new(ExecutionPhase.Succeeded, Describe(complete, "all workers completed"));
        }
        if ((FindTrue(conditions, "Failed") ?? FindTrue(conditions, "FailureTarget")) is { } failed)
        {
            return IsDisruption(failed)
                ? new(ExecutionPhase.Preempted, $"a worker was disrupted: {failed.Message}")
                : new(ExecutionPhase.Failed, Describe(failed, "the Job failed"));
        }
        var workers = job.Spec?.Parallelism ?? 1;
        if (status.Ready is { } ready ? ready > 0 : status.Active > 0)
        {
            return new(ExecutionPhase.Running, status.Ready is { } r ? $"{r}/{workers} workers ready" : $"{status.Active}/{workers} workers active");
        }
        if (status.Succeeded > 0 || status.Failed > 0)
        {
            return new(ExecutionPhase.Running, $"{status.Succeeded ?? 0}/{workers} workers finished");
        }
        return new(ExecutionPhase.Pending, status.Active > 0 ? $"{status.Active}/{workers} workers waiting to start" : "waiting for worker pods");
    }

    private static bool IsDisruption(V1JobCondition failed) =>
        failed.Reason == PodFailurePolicyReason
        && failed.Message?.Contains(JobManifestBuilder.DisruptionTarget, StringComparison.Ordinal) == true;

    private static V1JobCondition? FindTrue(IEnumerable<V1JobCondition> conditions, string type) =>
        conditions.FirstOrDefault(c => c.Type == type && c.Status == "True");

    private static string Describe(V1JobCondition condition, string fallback) =>
        (condition.Reason, condition.Message) switch
        {
            ({ Length: > 0 } reason, { Length: > 0 } message) => $"{reason}: {message}",
            ({ Length: > 0 } reason, _) => reason,
            (_, { Length: > 0 } message) => message,
            _ => fallback,
        };
}
