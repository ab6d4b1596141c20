using FsCheck;
using FsCheck.Xunit;
using PlacementEngine.Core;
using PlacementEngine.TestKit;

namespace PlacementEngine.Core.Tests.Placement.Fast;

public sealed class AugmentingPlanTests
{
    private static PendingJob Job(string id, JobSpec spec) => new(new JobId(id), spec, new HashSet<string>(), 1);

    private static PlacementProblem Problem(Fleets fleets, IReadOnlyList<PendingJob> jobs, IReadOnlyDictionary<string, Money>? budgets = null) =>
        new(jobs, fleets.Fleet(), fleets.Prices(), new Dictionary<string, int>(), budgets ?? new Dictionary<string, Money>(), new Dictionary<(string, string), int>());

    private static (PreparedProblem Prepared, FastSolution Plan) Build(PlacementProblem problem)
    {
        var prepared = PreparedProblem.Prepare(problem, FleetIndex.Build(problem.Fleet, problem.Prices));
        return (prepared, AugmentingPlan.Build(prepared, new FlowKinds(prepared)));
    }

    // One free node of each model: the flexible job, taken first, sits on the only pool the other job can use.
    private static Fleets OneNodeOfEach() => Fleets.Make().Cluster("c", "aws:us-east-1")
        .Pool("g-a100-8", "A100", 8, CapacityType.OnDemand, 20m, 1)
        .Pool("g-h100-8", "H100", 8, CapacityType.OnDemand, 40m, 1);

    private static int PoolIndex(PreparedProblem prepared, string instanceType, string cluster = "c") =>
        prepared.Index.TryGetPoolIndex($"{cluster}/{instanceType}/{CapacityType.OnDemand.ToWire()}", out var pool) ? pool : throw new ArgumentException(instanceType);

    [Fact]
    public void Build_FlexibleJobOnTheOnlyPoolOfAnother_MovesItAsidePlacingBoth()
    {
        var flexible = Job("flexible", JobSpecs.Gpu("flexible", 8, "A100", "H100").Priority(9).Obj());
        var strict = Job("strict", JobSpecs.Gpu("strict", 8, "A100").Priority(1).Obj());
        var (prepared, plan) = Build(Problem(OneNodeOfEach(), [flexible, strict]));

        Assert.Equal(PoolIndex(prepared, "g-h100-8"), plan.PoolOf[0]);
        Assert.Equal(PoolIndex(prepared, "g-a100-8"), plan.PoolOf[1]);
        Assert.Equal(plan.CostOf.Sum(), plan.Objective);
    }

    [Fact]
    public void Build_MovedJobsTeamCannotPayForTheDearerPool_LeavesThePlanAsItWas()
    {
        var flexible = Job("flexible", JobSpecs.Gpu("flexible", 8, "A100", "H100").Priority(9).Team("tight").Obj());
        var strict = Job("strict", JobSpecs.Gpu("strict", 8, "A100").Priority(1).Obj());
        var fleets = OneNodeOfEach();
        var probe = Build(Problem(fleets, [flexible, strict])).Prepared;
        // Enough for the A100 node, not for the H100 one.
        var budget = probe.Jobs[0].Cost(PoolIndex(probe, "g-a100-8")) + 1m;
        var (prepared, plan) = Build(Problem(fleets, [flexible, strict], new Dictionary<string, Money> { ["tight"] = Money.Of(budget) }));

        Assert.Equal(PoolIndex(prepared, "g-a100-8"), plan.PoolOf[0]);
        Assert.Equal(-1, plan.PoolOf[1]);
        Assert.Equal(plan.CostOf[0] + prepared.Penalty[1], plan.Objective);
        Assert.True(plan.Ledger.BudgetLeft[0] >= 0m);
    }

    [Fact]
    public void Build_CappedClustersGpusHeldInAnotherOfItsPools_MovesThatJobOutOfTheCluster()
    {
        // The capped cluster has room for one 8-GPU node of A100s in all. The flexible job takes its cheapest pool
        // there; the strict one fits only the cluster's other pool (it needs the vCPUs), which has a free node but no
        // GPUs left under the cap until the flexible job leaves the cluster.
        var fleets = Fleets.Make()
            .Cluster("capped", "aws:us-east-1", gpuCaps: new Dictionary<string, int> { ["A100"] = 8 })
            .Pool("g-a100-8-small", "A100", 8, CapacityType.OnDemand, 20m, 1)
            .Pool("g-a100-8-large", "A100", 8, CapacityType.OnDemand, 21m, 1, vcpus: 192m)
            .Cluster("other", "aws:us-west-2")
            .Pool("g-a100-8-west", "A100", 8, CapacityType.OnDemand, 30m, 1);
        var flexible = Job("flexible", JobSpecs.Gpu("flexible", 8, "A100").Priority(9).Obj());
        var strict = Job("strict", JobSpecs.Gpu("strict", 8, "A100").With(s => s with { Worker = s.Worker with { VCpus = 150m } }).Priority(1).Obj());
        var (prepared, plan) = Build(Problem(fleets, [flexible, strict]));

        Assert.Equal(PoolIndex(prepared, "g-a100-8-west", "other"), plan.PoolOf[0]);
        Assert.Equal(PoolIndex(prepared, "g-a100-8-large", "capped"), plan.PoolOf[1]);
        Assert.Equal(plan.CostOf.Sum(), plan.Objective);
    }

    [Fact]
    public void Build_JobTookTheCheapPoolAnotherNeedsMore_CostRoundSwapsThem()
    {
        // The important job takes the cheap pool first and the other job gets the dear one, though the important job
        // could run on the middle pool for far less than the other job saves.
        var fleets = Fleets.Make().Cluster("c", "aws:us-east-1")
            .Pool("g-a100-8", "A100", 8, CapacityType.OnDemand, 10m, 1)
            .Pool("g-h100-8", "H100", 8, CapacityType.OnDemand, 20m, 1)
            .Pool("g-v100-8", "V100", 8, CapacityType.OnDemand, 100m, 1);
        var important = Job("important", JobSpecs.Gpu("important", 8, "A100", "H100").Priority(9).Obj());
        var other = Job("other", JobSpecs.Gpu("other", 8, "A100", "V100").Priority(1).Obj());
        var (prepared, plan) = Build(Problem(fleets, [important, other]));

        Assert.Equal(PoolIndex(prepared, "g-h100-8"), plan.PoolOf[0]);
        Assert.Equal(PoolIndex(prepared, "g-a100-8"), plan.PoolOf[1]);
        Assert.Equal(prepared.Jobs[0].Cost(plan.PoolOf[0]) + prepared.Jobs[1].Cost(plan.PoolOf[1]), plan.Objective);
    }

    [Property(MaxTest = 200)]
    public Property Build_RandomInstances_KeepsEveryHardAndJointConstraint() =>
        RandomProblems.ForAll(RandomProblems.Default(), problem =>
        {
            var (prepared, plan) = Build(problem);

            var assembled = PlanAssembler.Assemble("augmenting", prepared, plan, Money.Zero);

            PlanInvariants.AssertHold(problem, assembled, "instance");
            Assert.Equal(ProblemObjective.For(problem).Evaluate(assembled).Dollars, plan.Objective);
        });
}
