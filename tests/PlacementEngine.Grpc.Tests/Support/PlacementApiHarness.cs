using Grpc.Core;
using PlacementEngine.Core;
using PlacementEngine.Grpc.Services;
using PlacementEngine.Grpc.Auth;
using PlacementEngine.Scheduling;
using PlacementEngine.TestKit;
using V1 = PlacementEngine.Contracts.V1;

namespace PlacementEngine.Grpc.Tests.Support;

/// <summary>
/// The real scheduling facade over an in-memory store on a fake clock, with the API services on top.
/// Clusters: "gcp-eu" (Kubernetes) and "aws-us" (simulated).
/// </summary>
internal sealed class PlacementApiHarness : IDisposable
{
    public static readonly Caller MlResearch = new("ml-research", CallerRole.Submitter);
    public static readonly Caller Vision = new("vision", CallerRole.Submitter);
    public static readonly Caller Admin = new("platform", CallerRole.Admin);

    /// <param name="fleets">Another fleet than the one above; its clusters are simulated unless named as above.</param>
    /// <param name="prices">Another price book than the fleet's prices (an empty one: no pool has a price).</param>
    public PlacementApiHarness(Fleets? fleets = null, PriceBook? prices = null)
    {
        fleets ??= Fleets.Make()
            .Cluster("gcp-eu", "gcp:europe-west4", labels: new Dictionary<string, string> { ["env"] = "prod" }, gpuCaps: new Dictionary<string, int> { ["A100"] = 16 })
            .Pool("a2-highgpu-1g", "A100", 1, CapacityType.Spot, 1.25m, 10)
            .Pool("a2-highgpu-8g", "A100", 8, CapacityType.OnDemand, 29.39m, 2)
            .Cluster("aws-us", "aws:us-east-1")
            .Pool("p4d.24xlarge", "A100", 8, CapacityType.OnDemand, 32.77m, 4);
        Fleet = new FleetState(fleets.Fleet());
        var priceSource = new StaticPriceSource(prices ?? fleets.Prices());
        Writer = new JobWriter(Store, Events, Time);
        Dispatchers = new Dispatchers([new StubExecutor("gcp-eu", simulated: false), new StubExecutor("aws-us", simulated: true)]);
        var problems = new ProblemBuilder(Store, Fleet, priceSource, new StaticBudgetSource(new Dictionary<string, Money>()));
        Jobs = new JobOperations(Store, Writer, Events, new JobSpecValidator(RegionDirectory.Default, Time), problems, Dispatchers, Trigger);
        FleetOps = new FleetOperations(Fleet, priceSource, Store, Dispatchers);
        var plans = new PlanOperations(Store, new JobSpecValidator(RegionDirectory.Default, Time), problems, new SingleSolver(new GreedySolver()));
        JobService = new JobService(Jobs, plans, FleetOps, TestAuthorization.Service);
        FleetService = new FleetService(FleetOps);
    }

    public FakeTimeProvider Time { get; } = new();
    public InMemoryJobStore Store { get; } = new();
    public JobEventHub Events { get; } = new();
    public AsyncSignal Trigger { get; } = new();
    public FleetState Fleet { get; }
    public JobWriter Writer { get; }
    public Dispatchers Dispatchers { get; }
    public JobOperations Jobs { get; }
    public FleetOperations FleetOps { get; }
    public JobService JobService { get; }
    public FleetService FleetService { get; }

    public static ServerCallContext ContextFor(Caller caller, CancellationToken cancellationToken = default) =>
        TestServerCallContext.For(caller, "/placement.v1.JobService/Test", cancellationToken);

    /// <summary>A valid placement.v1 spec: one A100 worker for two hours, anywhere.</summary>
    public static V1.JobSpec Spec(string name = "train") => new()
    {
        Name = name,
        Container = new V1.ContainerSpec { Image = "ghcr.io/acme/train:1", Command = { "python", "train.py" } },
        Worker = new V1.WorkerResources { Gpus = 1, GpuModels = { "A100" }, Vcpus = 4, MemoryGib = 16 },
        Workers = 1,
        EstimatedRuntimeSeconds = 7200,
    };

    public async Task<V1.Job> SubmitAsync(Caller caller, V1.JobSpec? spec = null, string key = "") =>
        (await JobService.SubmitJob(new V1.SubmitJobRequest { Spec = spec ?? Spec(), IdempotencyKey = key }, ContextFor(caller))).Job;

    /// <summary>Moves a pending job onto a pool and, when asked, on through the given states, as scheduling would.</summary>
    public async Task<Job> AdvanceAsync(string id, string pool, params JobState[] then)
    {
        var job = (await Store.GetAsync(new JobId(id), default))!;
        var current = Fleet.Current;
        current.TryGetPool(pool, out var target);
        var cluster = current.ClusterOf(target);
        var nodes = CostModel.NodesFor(job.Spec, target.InstanceType)!.Value;
        var cost = new CostBreakdown(Money.Of(1.25m), nodes, job.Spec.EstimatedHours, Money.Of(2.5m), Money.Zero, Money.Of(0.1m));
        var placement = new Placement(cluster.Name, pool, cluster.Region, target.InstanceType.Name, target.CapacityType, nodes, cost, job.Attempt + 1);
        var (placed, transition) = JobLifecycle.Place(job, placement, Time.GetUtcNow());
        await Writer.CommitAsync([new JobUpdate(placed, transition, job.Version, new Reservation(pool, nodes, target.MaxNodes))], default);
        job = placed;
        foreach (var state in then)
        {
            var (next, step) = JobLifecycle.Transition(job, state, $"now {state}", Time.GetUtcNow());
            await Writer.CommitAsync([new JobUpdate(next, step, job.Version)], default);
            job = next;
        }
        return job;
    }

    public void Dispose() => Dispatchers.Dispose();
}
