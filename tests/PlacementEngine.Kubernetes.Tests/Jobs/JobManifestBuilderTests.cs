using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using PlacementEngine.Core;
using PlacementEngine.Kubernetes.Jobs;
using PlacementEngine.Kubernetes.Tests.Support;
using PlacementEngine.TestKit;

namespace PlacementEngine.Kubernetes.Tests.Jobs;

public sealed class JobManifestBuilderTests
{
    [Fact]
    public void Build_Attempt_IsNamedDeterministicallyInTheNamespace()
    {
        var job = JobManifestBuilder.Build(DispatchRequests.Make("j42").Attempt(3).Obj(), "ml");

        Assert.Equal("pe-j42-a3", job.Metadata!.Name);
        Assert.Equal("ml", job.Metadata.NamespaceProperty);
        Assert.Equal("batch/v1", job.ApiVersion);
        Assert.Equal("Job", job.Kind);
    }

    [Fact]
    public void Build_Labels_CarryJobAttemptTeamAndSanitisedPool_OnJobAndPods()
    {
        var request = DispatchRequests.Make("j42").Attempt(3).Team("vision").PoolName("aws-us-west-2/p4d.24xlarge/spot").Obj();

        var job = JobManifestBuilder.Build(request, "ml");

        var expected = new Dictionary<string, string>
        {
            ["placement.dev/job-id"] = "j42",
            ["placement.dev/attempt"] = "3",
            ["placement.dev/team"] = "vision",
            ["placement.dev/pool"] = "aws-us-west-2-p4d.24xlarge-spot",
        };
        Assert.Equal(expected, job.Metadata!.Labels);
        Assert.Equal(expected, job.Spec!.Template!.Metadata!.Labels);
        Assert.Equal("aws-us-west-2/p4d.24xlarge/spot", job.Metadata.Annotations!["placement.dev/pool"]);
    }

    [Fact]
    public void Build_Workers_RunAsOneIndexedGangWithoutKubernetesRetries()
    {
        var job = JobManifestBuilder.Build(DispatchRequests.Make("j1").Spec(s => s.Workers(4)).Obj(), "ml");

        var spec = job.Spec!;
        Assert.Equal("Indexed", spec.CompletionMode);
        Assert.Equal(4, spec.Completions);
        Assert.Equal(4, spec.Parallelism);
        Assert.Equal(0, spec.BackoffLimit);
        Assert.Equal("Never", spec.Template!.Spec!.RestartPolicy);
        var rule = Assert.Single(spec.PodFailurePolicy!.Rules!);
        Assert.Equal("FailJob", rule.Action);
        Assert.Equal("DisruptionTarget", Assert.Single(rule.OnPodConditions!).Type);
    }

    [Fact]
    public void Build_Container_CarriesImageCommandArgsAndEnvInNameOrder()
    {
        var request = DispatchRequests.Make("j1").WithSpec(s => s with
        {
            Container = new ContainerSpec("ghcr.io/acme/train:2", ["torchrun"], ["--epochs", "3"], new Dictionary<string, string> { ["Z"] = "1", ["A"] = "2" }),
        }).Obj();

        var container = Assert.Single(JobManifestBuilder.Build(request, "ml").Spec!.Template!.Spec!.Containers!);

        Assert.Equal("worker", container.Name);
        Assert.Equal("ghcr.io/acme/train:2", container.Image);
        Assert.Equal(["torchrun"], container.Command!);
        Assert.Equal(["--epochs", "3"], container.Args!);
        Assert.Equal([("A", "2"), ("Z", "1")], container.Env!.Select(e => (e.Name, e.Value)));
    }

    [Fact]
    public void Build_GpuWorker_LimitsGpusRequestsCpuAndMemoryAndToleratesGpuTaint()
    {
        var request = DispatchRequests.Make("j1").WithSpec(s => s with { Worker = s.Worker with { Gpus = 8, VCpus = 90.5m, MemoryGiB = 1000m } }).Obj();

        var pod = JobManifestBuilder.Build(request, "ml").Spec!.Template!.Spec!;

        var resources = Assert.Single(pod.Containers!).Resources!;
        Assert.Equal(new Dictionary<string, string> { ["nvidia.com/gpu"] = "8" }, Spelled(resources.Limits));
        Assert.Equal(new Dictionary<string, string> { ["cpu"] = "90500m", ["memory"] = "1000Gi" }, Spelled(resources.Requests));
        Assert.Contains(pod.Tolerations!, t => t is { Key: "nvidia.com/gpu", OperatorProperty: "Exists", Effect: "NoSchedule" });
    }

    [Fact]
    public void Build_CpuOnlyPool_HasNoGpuLimitOrGpuToleration()
    {
        var pod = JobManifestBuilder.Build(DispatchRequests.Make("j1").CpuOnly().OnDemand().Obj(), "ml").Spec!.Template!.Spec!;

        Assert.Null(Assert.Single(pod.Containers!).Resources!.Limits);
        Assert.Null(pod.Tolerations);
    }

    [Fact]
    public void Build_CpuJobToleratingTheGpuTaintOnAGpuPool_CarriesItsTolerationsOnly()
    {
        var request = DispatchRequests.Make("j1").OnDemand()
            .Spec(_ => JobSpecs.Cpu("etl", 2m).Tolerate(
                new Toleration("nvidia.com/gpu", TolerationOperator.Exists, "", TaintEffect.NoSchedule),
                new Toleration("dedicated", TolerationOperator.Equal, "ml", null)))
            .Obj();

        var pod = JobManifestBuilder.Build(request, "ml").Spec!.Template!.Spec!;

        Assert.Null(Assert.Single(pod.Containers!).Resources!.Limits);
        Assert.Equal(
            [("nvidia.com/gpu", "Exists", null, "NoSchedule"), ("dedicated", "Equal", "ml", null)],
            pod.Tolerations!.Select(t => (t.Key, t.OperatorProperty, t.Value, t.Effect)).ToList());
    }

    [Fact]
    public void Build_JobTolerationsOnACpuPool_AreCarriedOver()
    {
        var request = DispatchRequests.Make("j1").CpuOnly().OnDemand()
            .WithSpec(s => s with { Tolerations = [new Toleration("", TolerationOperator.Exists, "", null)] })
            .Obj();

        var toleration = Assert.Single(JobManifestBuilder.Build(request, "ml").Spec!.Template!.Spec!.Tolerations!);

        Assert.Equal((null, "Exists", null, null), (toleration.Key, toleration.OperatorProperty, toleration.Value, toleration.Effect));
    }

    [Fact]
    public void Build_PoolWithZone_SelectsInstanceTypeRegionAndZone()
    {
        var request = DispatchRequests.Make("j1").In("aws:us-west-2").Zone("us-west-2b").Obj();

        var selector = JobManifestBuilder.Build(request, "ml").Spec!.Template!.Spec!.NodeSelector!;

        Assert.Equal("p4d.24xlarge", selector["node.kubernetes.io/instance-type"]);
        Assert.Equal("us-west-2", selector["topology.kubernetes.io/region"]);
        Assert.Equal("us-west-2b", selector["topology.kubernetes.io/zone"]);
    }

    [Fact]
    public void Build_PoolWithoutZone_LeavesZoneOpen()
    {
        var selector = JobManifestBuilder.Build(DispatchRequests.Make("j1").Obj(), "ml").Spec!.Template!.Spec!.NodeSelector!;

        Assert.False(selector.ContainsKey("topology.kubernetes.io/zone"));
    }

    [Fact]
    public void Build_PoolNodeLabels_AreSelectedAndWinOverDefaults()
    {
        var request = DispatchRequests.Make("j1").NodeLabel("karpenter.sh/nodepool", "gpu-spot").NodeLabel("node.kubernetes.io/instance-type", "p4de.24xlarge").Obj();

        var selector = JobManifestBuilder.Build(request, "ml").Spec!.Template!.Spec!.NodeSelector!;

        Assert.Equal("gpu-spot", selector["karpenter.sh/nodepool"]);
        Assert.Equal("p4de.24xlarge", selector["node.kubernetes.io/instance-type"]);
    }

    [Theory]
    [InlineData(CapacityType.Spot, "spot")]
    [InlineData(CapacityType.OnDemand, "on-demand")]
    [InlineData(CapacityType.Reserved, "reserved")]
    public void Build_Aws_SelectsKarpenterCapacityType(CapacityType capacity, string expected)
    {
        var pod = JobManifestBuilder.Build(DispatchRequests.Make("j1").In("aws:us-west-2").Capacity(capacity).Obj(), "ml").Spec!.Template!.Spec!;

        Assert.Equal(expected, pod.NodeSelector!["karpenter.sh/capacity-type"]);
        Assert.DoesNotContain(pod.Tolerations!, t => t.Key == "karpenter.sh/capacity-type");
        Assert.Null(pod.Affinity);
    }

    [Fact]
    public void Build_GcpSpot_SelectsAndToleratesGkeSpot()
    {
        var pod = JobManifestBuilder.Build(DispatchRequests.Make("j1").In("gcp:europe-west4").Spot().Obj(), "ml").Spec!.Template!.Spec!;

        Assert.Equal("true", pod.NodeSelector!["cloud.google.com/gke-spot"]);
        Assert.Contains(pod.Tolerations!, t => t is { Key: "cloud.google.com/gke-spot", OperatorProperty: "Equal", Value: "true", Effect: "NoSchedule" });
        Assert.Equal("europe-west4", pod.NodeSelector["topology.kubernetes.io/region"]);
    }

    [Fact]
    public void Build_GcpOnDemand_KeepsOffSpotNodesByAffinity()
    {
        var pod = JobManifestBuilder.Build(DispatchRequests.Make("j1").In("gcp:europe-west4").OnDemand().Obj(), "ml").Spec!.Template!.Spec!;

        Assert.False(pod.NodeSelector!.ContainsKey("cloud.google.com/gke-spot"));
        var term = Assert.Single(pod.Affinity!.NodeAffinity!.RequiredDuringSchedulingIgnoredDuringExecution!.NodeSelectorTerms!);
        var requirement = Assert.Single(term.MatchExpressions!);
        Assert.Equal(("cloud.google.com/gke-spot", "NotIn"), (requirement.Key, requirement.OperatorProperty));
        Assert.Equal(["true"], requirement.Values!);
    }

    [Fact]
    public void Build_AzureSpot_SelectsAndToleratesScaleSetPriority()
    {
        var pod = JobManifestBuilder.Build(DispatchRequests.Make("j1").In("azure:westeurope").Spot().Obj(), "ml").Spec!.Template!.Spec!;

        Assert.Equal("spot", pod.NodeSelector!["kubernetes.azure.com/scalesetpriority"]);
        Assert.Contains(pod.Tolerations!, t => t is { Key: "kubernetes.azure.com/scalesetpriority", OperatorProperty: "Equal", Value: "spot", Effect: "NoSchedule" });
    }

    [Fact]
    public void Build_AzureOnDemand_NeitherSelectsNorToleratesSpot()
    {
        var pod = JobManifestBuilder.Build(DispatchRequests.Make("j1").In("azure:westeurope").OnDemand().Obj(), "ml").Spec!.Template!.Spec!;

        Assert.False(pod.NodeSelector!.ContainsKey("kubernetes.azure.com/scalesetpriority"));
        Assert.DoesNotContain(pod.Tolerations!, t => t.Key == "kubernetes.azure.com/scalesetpriority");
    }

    [Fact]
    public void Build_OnPrem_SelectsOnlyThePoolsNodeLabels()
    {
        var request = DispatchRequests.Make("j1").In("onprem:dc1").NodeLabel("example.com/rack", "r7").Obj();

        var pod = JobManifestBuilder.Build(request, "ml").Spec!.Template!.Spec!;

        Assert.Equal(new Dictionary<string, string> { ["example.com/rack"] = "r7" }, pod.NodeSelector);
    }

    [Fact]
    public void Build_Serialised_UsesKubernetesFieldNamesAndOmitsUnsetFields()
    {
        var json = KubernetesJson.Serialize(JobManifestBuilder.Build(DispatchRequests.Make("j1").Obj(), "ml"));

        var rule = JsonNode.Parse(json)!["spec"]!["podFailurePolicy"]!["rules"]![0]!;
        Assert.Equal("FailJob", rule["action"]!.GetValue<string>());
        Assert.Equal("DisruptionTarget", rule["onPodConditions"]![0]!["type"]!.GetValue<string>());
        Assert.Equal("True", rule["onPodConditions"]![0]!["status"]!.GetValue<string>());
        Assert.Contains("\"nodeSelector\":{", json, StringComparison.Ordinal);
        var resources = JsonNode.Parse(json)!["spec"]!["template"]!["spec"]!["containers"]![0]!["resources"]!;
        Assert.Equal("8", resources["limits"]!["nvidia.com/gpu"]!.GetValue<string>());
        Assert.DoesNotContain("null", json, StringComparison.Ordinal);
    }

    /// <summary>Quantities as they go on the wire.</summary>
    private static Dictionary<string, string>? Spelled(IDictionary<string, ResourceQuantity>? quantities) =>
        quantities?.ToDictionary(q => q.Key, q => q.Value.ToString());
}
