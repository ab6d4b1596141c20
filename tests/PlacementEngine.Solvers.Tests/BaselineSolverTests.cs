using FsCheck;
using FsCheck.Xunit;
using PlacementEngine.Core;
using PlacementEngine.Scenarios;
using PlacementEngine.TestKit;

namespace PlacementEngine.Solvers.Tests;

/// <summary>The two baselines keep every constraint, and each follows the policy it stands for.</summary>
public sealed class BaselineSolverTests
{
    public static TheoryData<string> Baselines => ["skypilot", "kueue"];

    private static IPlacementSolver CreateSut(string name) => name switch
    {
        "skypilot" => new SkyPilotLikeSolver(),
        "kueue" => new KueueLikeSolver(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown baseline"),
    };

    [Theory]
    [MemberData(nameof(Baselines))]
    public void Solve_ScenariosS_KeepsEveryConstraint(string baseline)
    {
        var sut = CreateSut(baseline);
        for (var seed = 1; seed <= 8; seed++)
        {
            foreach (var contended in new[] { false, true })
            {
                var problem = ScenarioGenerator.Shared.Generate(ScenarioSize.S, seed, contended).Problem;

                var plan = sut.Solve(problem);

                BaselinePlanChecker.AssertKeepsEveryConstraint(problem, plan, $"{baseline} on S seed {seed} contended={contended}");
                Assert.Empty(PlanAudit.Violations(problem, plan));
            }
        }
    }

    [Property(MaxTest = 60)]
    public Property Solve_SkyPilotOnRandomInstances_KeepsEveryConstraint() => KeepsEveryConstraint("skypilot");

    [Property(MaxTest = 60)]
    public Property Solve_KueueOnRandomInstances_KeepsEveryConstraint() => KeepsEveryConstraint("kueue");

    [Theory]
    [MemberData(nameof(Baselines))]
    public void Solve_RandomInstances_PlaceWorkOften_SoThePropertiesAreNotVacuous(string baseline)
    {
        var sut = CreateSut(baseline);

        var placedSomewhere = Enumerable.Range(1, 20).Count(seed => sut.Solve(RandomInstances.Problem(seed)).Assignments.Count > 0);

        Assert.True(placedSomewhere >= 10, $"the instances should let baselines place work, did in {placedSomewhere}");
    }

    private static Property KeepsEveryConstraint(string baseline) =>
        RandomProblems.ForAll(RandomProblems.Default(), problem =>
            BaselinePlanChecker.AssertKeepsEveryConstraint(problem, CreateSut(baseline).Solve(problem), $"{baseline} on a random instance"));

    [Fact]
    public void SkyPilot_AmpleCapacityNoBudgetsNoCaps_GivesEveryJobItsCheapestPool()
    {
        var problem = Unconstrained(ScenarioGenerator.Shared.Generate(ScenarioSize.S, seed: 3, contended: false).Problem);

        var plan = new SkyPilotLikeSolver().Solve(problem);

        Assert.NotEmpty(plan.Assignments);
        foreach (var assignment in plan.Assignments)
        {
            var cheapest = problem.CandidatesFor(assignment.Job).First(c => c.Eligible);
            Assert.Equal(cheapest.Pool.Name, assignment.Candidate.Pool.Name);
        }
        Assert.All(plan.Unplaced, u => Assert.True(u.NoEligiblePool));
    }

    [Fact]
    public void SkyPilot_CheapestPoolFull_FailsOverToTheNextCheapest()
    {
        var fleets = Fleets.Make().Cluster("c1", "gcp:us-central1")
            .Pool("cheap", "A100", 8, CapacityType.OnDemand, hourly: 10m, maxNodes: 1)
            .Pool("dear", "A100", 8, CapacityType.OnDemand, hourly: 30m, maxNodes: 5);
        var problem = Problem(fleets, JobSpecs.Gpu("a", 8).Obj(), JobSpecs.Gpu("b", 8).Obj());

        var plan = new SkyPilotLikeSolver().Solve(problem);

        Assert.Equal(["c1/cheap/on-demand", "c1/dear/on-demand"], plan.Assignments.Select(a => a.Candidate.Pool.Name));
    }

    [Fact]
    public void SkyPilot_ArrivalOrderDecides_NotPriority()
    {
        var fleets = Fleets.Make().Cluster("c1", "gcp:us-central1").Pool("only", "A100", 8, CapacityType.OnDemand, hourly: 10m, maxNodes: 1);
        var problem = Problem(fleets, JobSpecs.Gpu("first", 8).Priority(0).Obj(), JobSpecs.Gpu("urgent", 8).Priority(5).Obj());

        var plan = new SkyPilotLikeSolver().Solve(problem);

        Assert.Equal("first", Assert.Single(plan.Assignments).Job.Spec.Name);
        Assert.Equal(RejectReason.Capacity, Assert.Single(plan.Unplaced).Reason);
    }

    [Fact]
    public void SkyPilot_CheapestOverTheGpuCap_FailsOverToAnotherCluster()
    {
        var fleets = Fleets.Make()
            .Cluster("capped", "gcp:us-central1", gpuCaps: new Dictionary<string, int> { ["A100"] = 8 })
            .Pool("cheap", "A100", 8, CapacityType.OnDemand, hourly: 10m, maxNodes: 4)
            .Cluster("open", "gcp:us-east1").Pool("dear", "A100", 8, CapacityType.OnDemand, hourly: 20m, maxNodes: 4);
        var problem = Problem(fleets, JobSpecs.Gpu("a", 8).Obj(), JobSpecs.Gpu("b", 8).Obj());

        var plan = new SkyPilotLikeSolver().Solve(problem);

        Assert.Equal(["capped", "open"], plan.Assignments.Select(a => a.Candidate.Cluster.Name));
    }

    [Fact]
    public void SkyPilot_OverBudget_LeavesTheJobPendingForBudget()
    {
        var fleets = Fleets.Make().Cluster("c1", "gcp:us-central1").Pool("p", "A100", 8, CapacityType.OnDemand, hourly: 10m, maxNodes: 5);
        var problem = Problem(fleets, JobSpecs.Gpu("a", 8).Hours(1).Obj(), JobSpecs.Gpu("b", 8).Hours(1).Obj()) with
        {
            RemainingBudgets = new Dictionary<string, Money> { ["team-a"] = Money.Of(15m) },
        };

        var plan = new SkyPilotLikeSolver().Solve(problem);

        Assert.Equal("a", Assert.Single(plan.Assignments).Job.Spec.Name);
        Assert.Equal(RejectReason.Budget, Assert.Single(plan.Unplaced).Reason);
    }

    [Fact]
    public void Kueue_TakesTheFirstClusterInFleetOrder_EvenWhenDearer()
    {
        var fleets = Fleets.Make()
            .Cluster("first", "gcp:us-central1").Pool("dear", "A100", 8, CapacityType.OnDemand, hourly: 30m, maxNodes: 1)
            .Cluster("second", "gcp:us-east1").Pool("cheap", "A100", 8, CapacityType.OnDemand, hourly: 10m, maxNodes: 5);
        var problem = Problem(fleets, JobSpecs.Gpu("a", 8).Obj(), JobSpecs.Gpu("b", 8).Obj());

        var plan = new KueueLikeSolver().Solve(problem);

        Assert.Equal(["first", "second"], plan.Assignments.Select(a => a.Candidate.Cluster.Name));
    }

    [Fact]
    public void Kueue_WithinACluster_TriesSpotBeforeOnDemand()
    {
        var fleets = Fleets.Make().Cluster("c1", "gcp:us-central1")
            .Pool("n", "A100", 8, CapacityType.OnDemand, hourly: 10m, maxNodes: 5)
            .Pool("n", "A100", 8, CapacityType.Spot, hourly: 20m, maxNodes: 1);
        var problem = Problem(fleets, JobSpecs.Gpu("a", 8).Obj(), JobSpecs.Gpu("b", 8).Obj(), JobSpecs.Gpu("c", 8).Policy(CapacityPolicy.OnDemandOnly).Obj());

        var plan = new KueueLikeSolver().Solve(problem);

        Assert.Equal(["c1/n/spot", "c1/n/on-demand", "c1/n/on-demand"], plan.Assignments.Select(a => a.Candidate.Pool.Name));
    }

    [Fact]
    public void FlavorOrder_ListsClustersInFleetOrderAndSpotFirstInEach()
    {
        var fleet = ScenarioGenerator.Shared.Generate(ScenarioSize.S, seed: 2, contended: false).Problem.Fleet;

        var order = KueueLikeSolver.FlavorOrder(fleet).ToList();

        Assert.Equal(fleet.Pools.Count, order.Count);
        Assert.Equal(fleet.Clusters.Select(c => c.Name), order.Select(p => p.Cluster).Distinct());
        foreach (var cluster in order.GroupBy(p => p.Cluster))
        {
            var kinds = cluster.Select(p => p.CapacityType == CapacityType.Spot).ToList();
            Assert.Equal(kinds.OrderByDescending(k => k), kinds);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void CandidateScan_FindsExactlyTheEligibleCandidatesOfTheCore(int seed)
    {
        foreach (var problem in new[] { ScenarioGenerator.Shared.Generate(ScenarioSize.S, seed, contended: true).Problem, RandomInstances.Problem(seed) })
        {
            var scan = new CandidateScan(problem);
            foreach (var job in problem.Jobs)
            {
                var expected = problem.CandidatesFor(job).Where(c => c.Eligible).ToList();

                Assert.Equal(expected, scan.EligibleCheapestFirst(job));
            }
        }
    }

    private static PlacementProblem Problem(Fleets fleets, params JobSpec[] specs) => new(
        specs.Select((s, i) => new PendingJob(new JobId($"j{i}"), s, new HashSet<string>(), 1)).ToList(),
        fleets.Fleet(),
        fleets.Prices(),
        new Dictionary<string, int>(),
        new Dictionary<string, Money>(),
        new Dictionary<(string, string), int>());

    /// <summary>The same jobs and prices with room for everyone: no budgets, no GPU caps, every pool far larger than the queue.</summary>
    private static PlacementProblem Unconstrained(PlacementProblem problem)
    {
        var clusters = problem.Fleet.Clusters.Select(c => c with { GpuCaps = new Dictionary<string, int>() });
        var pools = problem.Fleet.Pools.Select(p => p with { MaxNodes = 100_000 });
        return problem with
        {
            Fleet = new Fleet(clusters, pools),
            UsedNodes = new Dictionary<string, int>(),
            RemainingBudgets = new Dictionary<string, Money>(),
        };
    }
}
