using Grpc.Core;
using PlacementEngine.Core;
using PlacementEngine.Grpc.Services;
using PlacementEngine.Grpc.Auth;
using PlacementEngine.Grpc.Tests.Support;
using PlacementEngine.Scheduling;
using PlacementEngine.TestKit;
using V1 = PlacementEngine.Contracts.V1;

namespace PlacementEngine.Grpc.Tests.Services;

/// <summary>
/// PlanJobs over the real planning facade and an in-memory store. Clusters: "gcp-eu" with one A100 spot node at
/// $1.25/h, and "aws-us" with 8 x A100 on-demand nodes at $32.77/h. Team "tight" has $0.01 of budget left.
/// </summary>
internal sealed class PlanJobsHarness
{
    public const string EuPool = "gcp-eu/a2-highgpu-1g/spot";
    public const string UsPool = "aws-us/p4d.24xlarge/on-demand";

    public static readonly Caller MlResearch = new("ml-research", CallerRole.Submitter);
    public static readonly Caller Tight = new("tight", CallerRole.Submitter);
    public static readonly Caller Admin = new("platform", CallerRole.Admin);

    public PlanJobsHarness()
    {
        var fleets = Fleets.Make()
            .Cluster("gcp-eu", "gcp:europe-west4")
            .Pool("a2-highgpu-1g", "A100", 1, CapacityType.Spot, 1.25m, 1)
            .Cluster("aws-us", "aws:us-east-1")
            .Pool("p4d.24xlarge", "A100", 8, CapacityType.OnDemand, 32.77m, 4);
        var budgets = new StaticBudgetSource(new Dictionary<string, Money> { ["tight"] = Money.Of(0.01m) });
        var problems = new ProblemBuilder(Store, new FleetState(fleets.Fleet()), new StaticPriceSource(fleets.Prices()), budgets);
        Plans = new PlanOperations(Store, new JobSpecValidator(RegionDirectory.Default, new Microsoft.Extensions.Time.Testing.FakeTimeProvider()), problems, new SingleSolver(new GreedySolver()));
        Service = new JobPlanner(Plans, TestAuthorization.Service);
    }

    public InMemoryJobStore Store { get; } = new();
    public PlanOperations Plans { get; }
    public JobPlanner Service { get; }

    public static ServerCallContext ContextFor(Caller? caller) =>
        TestServerCallContext.For(caller, "/placement.v1.JobService/PlanJobs");

    /// <summary>A valid spec: one A100 worker for two hours, anywhere, for the caller's team.</summary>
    public static V1.JobSpec Spec(string name, bool inEu = false)
    {
        var spec = new V1.JobSpec
        {
            Name = name,
            Container = new V1.ContainerSpec { Image = "ghcr.io/acme/train:1" },
            Worker = new V1.WorkerResources { Gpus = 1, GpuModels = { "A100" }, Vcpus = 4, MemoryGib = 16 },
            EstimatedRuntimeSeconds = 7200,
        };
        if (inEu)
        {
            spec.Residency = new V1.Residency { Jurisdictions = { "EU" } };
        }
        return spec;
    }

    public Task<V1.PlanJobsResponse> PlanAsync(Caller caller, params V1.JobSpec[] specs) =>
        Service.PlanAsync(new V1.PlanJobsRequest { Specs = { specs } }, ContextFor(caller));
}
