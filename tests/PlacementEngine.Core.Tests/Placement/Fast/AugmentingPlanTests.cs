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

    private static int PoolIndex(PreparedProblem prepared, string instanceType) =>
        prepared.Index.TryGetPoolIndex($"c/{instanceType}/{CapacityType.OnDemand.ToWire()}", out var pool) ? pool : throw new ArgumentException(instanceType);

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
    public void Build_RandomInstances_KeepsEveryHardAndJointConstraint()
    {
        for (var seed = 1; seed <= 200; seed++)
        {
            var problem = RandomInstances.Problem(seed);
            var (prepared, plan) = Build(problem);

            var assembled = PlanAssembler.Assemble("augmenting", prepared, plan, Money.Zero);

            PlanInvariants.AssertHold(problem, assembled, $"seed {seed}");
            Assert.Equal(ProblemObjective.For(problem).Evaluate(assembled).Dollars, plan.Objective);
        }
    }
}
