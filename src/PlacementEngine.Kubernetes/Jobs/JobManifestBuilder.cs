using System.Globalization;
using PlacementEngine.Core;
using k8s.Models;
using PlacementEngine.Scheduling;

namespace PlacementEngine.Kubernetes.Jobs;

/// <summary>The batch/v1 Job for one attempt: a gang of indexed workers pinned to the chosen pool. Pure.</summary>
internal static class JobManifestBuilder
{
    public const string ContainerName = "worker";
    public const string GpuResource = "nvidia.com/gpu";
    public const string InstanceTypeLabel = "node.kubernetes.io/instance-type";
    public const string RegionLabel = "topology.kubernetes.io/region";
    public const string ZoneLabel = "topology.kubernetes.io/zone";
    public const string DisruptionTarget = "DisruptionTarget";
    public const string JobApiVersion = "batch/v1";

    public static V1Job Build(DispatchRequest request, string @namespace)
    {
        var labels = Labels(request);
        return new V1Job
        {
            ApiVersion = JobApiVersion,
            Kind = V1Job.KubeKind,
            Metadata = new V1ObjectMeta
            {
                Name = DispatchNames.For(request.JobId, request.Attempt),
                NamespaceProperty = @namespace,
                Labels = labels,
                Annotations = new Dictionary<string, string>
                {
                    [PlacementLabels.JobNameAnnotation] = request.Spec.Name,
                    [PlacementLabels.PoolAnnotation] = request.Pool.Name,
                    [PlacementLabels.ClusterAnnotation] = request.Cluster.Name,
                },
            },
            Spec = new V1JobSpec
            {
                // A gang: every worker runs at once, each knows its index (JOB_COMPLETION_INDEX).
                CompletionMode = "Indexed",
                Completions = request.Spec.Workers,
                Parallelism = request.Spec.Workers,
                // The scheduler owns retries: it places a failed attempt again, possibly elsewhere.
                BackoffLimit = 0,
                PodFailurePolicy = FailOnDisruption(),
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string>(labels) },
                    Spec = PodSpec(request),
                },
            },
        };
    }

    /// <summary>
    /// A disrupted worker (spot reclaim, eviction, preemption, node gone) fails the Job with reason PodFailurePolicy
    /// and a message naming DisruptionTarget, which is how <see cref="JobPhaseReader"/> tells preemption from failure.
    /// </summary>
    private static V1PodFailurePolicy FailOnDisruption() => new()
    {
        Rules =
        [
            new V1PodFailurePolicyRule
            {
                Action = "FailJob",
                OnPodConditions = [new V1PodFailurePolicyOnPodConditionsPattern { Type = DisruptionTarget, Status = "True" }],
            },
        ],
    };

    private static Dictionary<string, string> Labels(DispatchRequest request) => new()
    {
        [PlacementLabels.JobId] = request.JobId.Value,
        [PlacementLabels.Attempt] = request.Attempt.ToString(CultureInfo.InvariantCulture),
        [PlacementLabels.Team] = LabelValues.Sanitize(request.Team),
        [PlacementLabels.Pool] = LabelValues.Sanitize(request.Pool.Name),
    };

    private static V1PodSpec PodSpec(DispatchRequest request)
    {
        var capacity = CapacityConventions.For(request.Cluster.Cloud, request.Pool.CapacityType);
        var tolerations = capacity.Tolerations.ToList();
        if (request.Pool.InstanceType.GpusPerNode > 0 && request.Spec.Worker.Gpus > 0)
        {
            // GPU nodes are commonly tainted nvidia.com/gpu (any value) so that only GPU work lands there; a job asking
            // for GPUs tolerates it without saying so, as the GKE and AKS admission add it. Other jobs say so themselves.
            tolerations.Add(new V1Toleration { Key = GpuResource, OperatorProperty = "Exists", Effect = CapacityConventions.NoSchedule });
        }
        tolerations.AddRange(request.Spec.Tolerations.Select(ToKubernetes));
        return new V1PodSpec
        {
            // Required by podFailurePolicy; a restarted container would also hide failures from the scheduler.
            RestartPolicy = "Never",
            NodeSelector = NodeSelector(request, capacity),
            Affinity = capacity.NodeRequirements.Count == 0
                ? null
                : new V1Affinity
                {
                    NodeAffinity = new V1NodeAffinity
                    {
                        RequiredDuringSchedulingIgnoredDuringExecution = new V1NodeSelector
                        {
                            NodeSelectorTerms = [new V1NodeSelectorTerm { MatchExpressions = capacity.NodeRequirements.ToList() }],
                        },
                    },
                },
            Tolerations = tolerations.Count == 0 ? null : tolerations,
            Containers = [Container(request.Spec)],
        };
    }

    private static V1Toleration ToKubernetes(Toleration toleration) => new()
    {
        Key = toleration.Key.Length == 0 ? null : toleration.Key,
        OperatorProperty = toleration.Operator.ToString(),
        Value = toleration.Value.Length == 0 ? null : toleration.Value,
        Effect = toleration.Effect?.ToWire(),
    };

    private static SortedDictionary<string, string> NodeSelector(DispatchRequest request, CapacityPlacement capacity)
    {
        var selector = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (request.Cluster.Cloud != Cloud.OnPrem)
        {
            // Cloud providers set these well-known labels on every node; on-prem nodes usually lack them.
            selector[InstanceTypeLabel] = request.Pool.InstanceType.Name;
            selector[RegionLabel] = request.Cluster.Region.Name;
            if (!string.IsNullOrWhiteSpace(request.Pool.Zone))
            {
                selector[ZoneLabel] = request.Pool.Zone;
            }
        }
        foreach (var (key, value) in capacity.NodeSelector)
        {
            selector[key] = value;
        }
        // The pool's own labels are the operator's word on how to reach it, so they win.
        foreach (var (key, value) in request.Pool.NodeLabels)
        {
            selector[key] = value;
        }
        return selector;
    }

    private static V1Container Container(JobSpec spec)
    {
        var requests = new Dictionary<string, ResourceQuantity>
        {
            ["cpu"] = new(Quantities.Cpu(spec.Worker.VCpus)),
            ["memory"] = new(Quantities.Memory(spec.Worker.MemoryGiB)),
        };
        // Extended resources are set as limits only; Kubernetes copies them to requests.
        var limits = spec.Worker.Gpus > 0
            ? new Dictionary<string, ResourceQuantity> { [GpuResource] = new(spec.Worker.Gpus.ToString(CultureInfo.InvariantCulture)) }
            : null;
        return new V1Container
        {
            Name = ContainerName,
            Image = spec.Container.Image,
            Command = spec.Container.Command.Count == 0 ? null : spec.Container.Command.ToList(),
            Args = spec.Container.Args.Count == 0 ? null : spec.Container.Args.ToList(),
            Env = spec.Container.Env.Count == 0
                ? null
                : spec.Container.Env.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => new V1EnvVar { Name = e.Key, Value = e.Value }).ToList(),
            Resources = new V1ResourceRequirements { Requests = requests, Limits = limits },
        };
    }
}
