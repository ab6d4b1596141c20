using PlacementEngine.Core;
using PlacementEngine.TestKit;

namespace PlacementEngine.Core.Tests.Placement.Fast;

public sealed class PlacementFlowTests
{
    private const int Seeds = 200;

    private static PendingJob Job(string id, JobSpec spec) => new(new JobId(id), spec, new HashSet<string>(), 1);

    private static PlacementProblem Problem(Fleets fleets, IReadOnlyList<PendingJob> jobs, IReadOnlyDictionary<(string, string), int>? inUse = null) =>
        new(jobs, fleets.Fleet(), fleets.Prices(), new Dictionary<string, int>(), new Dictionary<string, Money>(), inUse ?? new Dictionary<(string, string), int>());

    private static PreparedProblem Prepare(PlacementProblem problem) =>
        PreparedProblem.Prepare(problem, FleetIndex.Build(problem.Fleet, problem.Prices));

    private static decimal FlowBound(PreparedProblem prepared)
    {
        var flow = new PlacementFlow(prepared);
        flow.Run();
        var lists = prepared.Jobs.Select(j => new CandidateGenerator(prepared.Empty).Cheapest(j, 3)).ToArray();
        return new BoundEvaluator(prepared, lists).Evaluate(flow.Prices);
    }

    [Fact]
    public void Prices_TinyInstances_BoundTheBruteForceOptimumFromBelow()
    {
        for (var seed = 1; seed <= Seeds; seed++)
        {
            var problem = TinyInstances.Problem(seed);
            var prepared = Prepare(problem);
            var optimum = BruteForce.Optimum(problem, prepared.Objective);

            var bound = FlowBound(prepared);
            // Tiny instances' budgets bind: surcharges fitted to the flow's prices must keep the bound valid too.
            var (_, fitted) = TeamSurchargeTests.FlowBounds(prepared);

            Assert.True(bound <= optimum.Dollars, $"seed {seed}: flow bound {bound} above the optimum {optimum}");
            Assert.True(fitted <= optimum.Dollars, $"seed {seed}: budget-fitted flow bound {fitted} above the optimum {optimum}");
        }
    }

    [Fact]
    public void Prices_ContendedPools_BoundTheOptimumWithinWhatThePlacedJobsCost()
    {
        // Five one-node jobs of different importance for three free nodes: penalties dwarf costs, so the bound must
        // account for every pending penalty and may miss at most the placed jobs' costs.
        var fleets = Fleets.Make().Cluster("c", "aws:us-east-1")
            .Pool("g-a100-8", "A100", 8, CapacityType.OnDemand, 20m, 2)
            .Pool("g-h100-8", "H100", 8, CapacityType.OnDemand, 40m, 1);
        var jobs = Enumerable.Range(0, 5).Select(i => Job($"j{i}", JobSpecs.Gpu($"j{i}", 8).Priority(i * 10).Obj())).ToList();
        var problem = Problem(fleets, jobs);
        var prepared = Prepare(problem);
        var optimum = BruteForce.Optimum(problem, prepared.Objective);

        var bound = FlowBound(prepared);

        var placedCostAtMost = 20m * 2 + 40m;
        Assert.InRange(bound, optimum.Dollars - placedCostAtMost, optimum.Dollars);
    }

    [Fact]
    public void Prices_CappedCluster_ChargeThePendingJobsTheCapKeepsOut()
    {
        // Ten free nodes but a cap of 16 A100s: two 8-GPU jobs fit, the third waits on the cap, not on nodes.
        // Important jobs, so that a pending one costs far more than running all three would.
        var fleets = Fleets.Make().Cluster("c", "aws:us-east-1", gpuCaps: new Dictionary<string, int> { ["A100"] = 16 })
            .Pool("g-a100-8", "A100", 8, CapacityType.OnDemand, 20m, 10);
        var jobs = Enumerable.Range(0, 3).Select(i => Job($"j{i}", JobSpecs.Gpu($"j{i}", 8).Priority(9).Obj())).ToList();
        var problem = Problem(fleets, jobs);
        var prepared = Prepare(problem);
        var optimum = BruteForce.Optimum(problem, prepared.Objective);

        var bound = FlowBound(prepared);

        // Without the cap's price the bound would be three placed costs; with it, one job's penalty is certain.
        var placedCosts = 2 * prepared.Jobs[0].Cost(0);
        Assert.InRange(bound, optimum.Dollars - placedCosts, optimum.Dollars);
        Assert.True(bound >= prepared.Penalty[0], $"bound {bound} below one pending penalty {prepared.Penalty[0]}");
    }

    [Fact]
    public void CapNodeLimit_MixedNodeSizes_CountsSmallNodesFirst()
    {
        // 10 A100s left: three 1-GPU nodes (3 GPUs), then 7 GPUs cannot fill an 8-GPU node: at most 3 nodes.
        var fleets = Fleets.Make().Cluster("c", "aws:us-east-1", gpuCaps: new Dictionary<string, int> { ["A100"] = 10 })
            .Pool("g-a100-1", "A100", 1, CapacityType.OnDemand, 3m, 3)
            .Pool("g-a100-8", "A100", 8, CapacityType.OnDemand, 20m, 2);
        var problem = Problem(fleets, [Job("j", JobSpecs.Gpu("j", 1).Obj())]);

        var prepared = Prepare(problem);

        Assert.Equal([3], prepared.CapNodeLimit);
    }
}
