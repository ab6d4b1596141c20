using PlacementEngine.Core;
using PlacementEngine.Scheduling;
using PlacementEngine.TestKit;

namespace PlacementEngine.Kubernetes.Tests.Support;

/// <summary>Fluent builder for dispatch requests: <c>DispatchRequests.Make("j1").In("gcp:europe-west4").Spot().Obj()</c>.</summary>
public sealed class DispatchRequests
{
    private readonly string _jobId;
    private int _attempt = 1;
    private string _team = "team-a";
    private string _region = "aws:us-west-2";
    private string _instanceType = "p4d.24xlarge";
    private string? _gpuModel = "A100";
    private int _gpusPerNode = 8;
    private CapacityType _capacity = CapacityType.Spot;
    private string? _zone;
    private string? _poolName;
    private readonly Dictionary<string, string> _nodeLabels = [];
    private JobSpec _spec = JobSpecs.Gpu("train-llm", 8, "A100").Obj();

    private DispatchRequests(string jobId) => _jobId = jobId;

    public static DispatchRequests Make(string jobId) => new(jobId);

    public DispatchRequests Attempt(int attempt) => Set(() => _attempt = attempt);
    public DispatchRequests Team(string team) => Set(() => _team = team);
    public DispatchRequests In(string region) => Set(() => _region = region);
    public DispatchRequests Capacity(CapacityType capacity) => Set(() => _capacity = capacity);
    public DispatchRequests Spot() => Capacity(CapacityType.Spot);
    public DispatchRequests OnDemand() => Capacity(CapacityType.OnDemand);
    public DispatchRequests Zone(string zone) => Set(() => _zone = zone);
    public DispatchRequests PoolName(string name) => Set(() => _poolName = name);
    public DispatchRequests NodeLabel(string key, string value) => Set(() => _nodeLabels[key] = value);
    public DispatchRequests Spec(Func<JobSpecs, JobSpecs> change) => Set(() => _spec = change(JobSpecs.Gpu("train-llm", 8, "A100")).Obj());
    public DispatchRequests WithSpec(Func<JobSpec, JobSpec> change) => Set(() => _spec = change(_spec));

    public DispatchRequests CpuOnly(string instanceType = "m7i.4xlarge") => Set(() =>
    {
        _instanceType = instanceType;
        _gpuModel = null;
        _gpusPerNode = 0;
        _spec = JobSpecs.Cpu("etl", 8m).Obj();
    });

    public DispatchRequest Obj()
    {
        if (!RegionId.TryParse(_region, out var region))
        {
            throw new ArgumentException($"bad region {_region}");
        }
        var jurisdiction = RegionDirectory.Default.TryGet(region, out var info) ? info.Jurisdiction : new Jurisdiction("US");
        var clusterName = $"{region.Cloud.ToWire()}-{region.Name}";
        var cluster = new Cluster(clusterName, region, jurisdiction, new Dictionary<string, string>(), true, new Dictionary<string, int>());
        var instance = new InstanceType(_instanceType, _gpuModel, _gpusPerNode, 96m, 1152m);
        var pool = new Pool(_poolName ?? $"{clusterName}/{_instanceType}/{_capacity.ToWire()}", clusterName, instance, _capacity, _zone, 10, _nodeLabels);
        return new DispatchRequest(new JobId(_jobId), _attempt, _team, _spec with { Team = _team }, cluster, pool, _spec.Workers);
    }

    private DispatchRequests Set(Action change)
    {
        change();
        return this;
    }
}
