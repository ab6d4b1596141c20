using PlacementEngine.Core;
using PlacementEngine.Solvers.OrTools;
using PlacementEngine.Solvers.Tests.Support;
using PlacementEngine.TestKit;

namespace PlacementEngine.Solvers.Tests;

public sealed class ExactSolverTests
{
    [Fact]
    public void Name_IsExact() => Assert.Equal("exact", CreateSut().Name);

    [Fact]
    public void SolveDetailed_EmptyQueue_ReturnsAnEmptyProvenOptimalPlan()
    {
        var problem = Problems.Of(Problems.EuAndUs(1m, 1, 1m, 1), []);

        var result = CreateSut().SolveDetailed(problem);

        Assert.Empty(result.Plan.Assignments);
        Assert.Empty(result.Plan.Unplaced);
        Assert.True(result.ProvenOptimal);
        Assert.Equal(Money.Zero, result.Objective);
        Assert.Equal(0, result.RelativeGap);
    }

    [Fact]
    public void Solve_TwoJobsWantTheOneCheapNode_MovesTheFlexibleJobWhereGreedyLeavesOnePending()
    {
        // The EU node is cheapest for both; only the EU-resident job cannot go anywhere else.
        var problem = Problems.Of(Problems.EuAndUs(euHourly: 1m, euNodes: 1, usHourly: 2m, usNodes: 1), [
            Problems.Training("anywhere", priority: 1).Obj(),
            Problems.Training("eu-only").InEu().Obj(),
        ]);

        var plan = CreateSut().Solve(problem);

        Assert.Empty(plan.Unplaced);
        Assert.Equal("us/g-a100-8/on-demand", PoolOf(plan, "j0"));
        Assert.Equal("eu/g-a100-8/on-demand", PoolOf(plan, "j1"));
        Assert.Single(new GreedySolver().Solve(problem).Unplaced);
    }

    [Fact]
    public void Solve_Placed_AssignsTheProblemsOwnCandidatesWithExactDecimalCosts()
    {
        var problem = Problems.Of(Problems.EuAndUs(1.2345m, 2, 3m, 2), [Problems.Training("a").Obj(), Problems.Training("b").Obj()]);

        var plan = CreateSut().Solve(problem);

        Assert.All(plan.Assignments, a => Assert.Equal(problem.CandidatesFor(a.Job)[0], a.Candidate));
        Assert.Equal(Money.Of(4.938m), plan.TotalCost);
    }

    [Fact]
    public void Solve_NoPoolCanTakeTheJob_LeavesItPendingWithTheSameReasonAsGreedy()
    {
        var problem = Problems.Of(Problems.EuAndUs(1m, 4, 1m, 4), [Problems.Training("fits").Obj(), JobSpecs.Gpu("h100", 8, "H100").Obj()]);

        var plan = CreateSut().Solve(problem);

        var unplaced = Assert.Single(plan.Unplaced);
        Assert.Equal("j1", unplaced.Job.Id.Value);
        Assert.True(unplaced.NoEligiblePool);
        Assert.Equal(RejectReason.GpuModel, unplaced.Reason);
        Assert.Equal(new GreedySolver().Solve(problem).Unplaced.Single(), unplaced);
        Assert.Single(plan.Assignments);
    }

    [Fact]
    public void Solve_OneFreeNodeForTwoJobs_LeavesTheLessImportantPendingForCapacity()
    {
        var problem = Problems.Of(Problems.EuAndUs(1m, 1, 1m, 0), [Problems.Training("low").Obj(), Problems.Training("high", priority: 5).Obj()]);

        var plan = CreateSut().Solve(problem);

        Assert.Equal("j1", Assert.Single(plan.Assignments).Job.Id.Value);
        var unplaced = Assert.Single(plan.Unplaced);
        Assert.Equal((RejectReason.Capacity, false), (unplaced.Reason, unplaced.NoEligiblePool));
        Assert.Contains("0 free nodes", unplaced.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Solve_ClusterGpuCapReached_LeavesTheSecondJobPendingForTheCap()
    {
        var fleets = Fleets.Make()
            .Cluster("capped", "aws:us-east-1", gpuCaps: new Dictionary<string, int> { ["A100"] = 16 })
            .Pool("g-a100-8", "A100", 8, CapacityType.OnDemand, 1m, 4);
        var problem = Problems.Of(fleets, [Problems.Training("a").Obj(), Problems.Training("b").Obj()], gpusInUse: new Dictionary<(string, string), int> { [("capped", "A100")] = 8 });

        var plan = CreateSut().Solve(problem);

        Assert.Single(plan.Assignments);
        Assert.Equal(RejectReason.GpuCap, Assert.Single(plan.Unplaced).Reason);
    }

    [Fact]
    public void Solve_TeamBudgetCoversOneJob_LeavesTheOtherPendingForBudget()
    {
        var problem = Problems.Of(Problems.EuAndUs(2m, 4, 2m, 4), [Problems.Training("a").Obj(), Problems.Training("b").Obj()],
            budgets: new Dictionary<string, Money> { ["team-a"] = Money.Of(5m) });

        var plan = CreateSut().Solve(problem);

        Assert.Single(plan.Assignments);
        Assert.Equal(RejectReason.Budget, Assert.Single(plan.Unplaced).Reason);
    }

    [Fact]
    public void SolveDetailed_RandomInstances_KeepsEveryInvariantAndNeverLosesToGreedy()
    {
        var sut = CreateSut();
        for (var seed = 1; seed <= 20; seed++)
        {
            var problem = RandomInstances.Problem(seed);
            var objective = ProblemObjective.For(problem);

            var result = sut.SolveDetailed(problem);

            PlanChecks.AssertHold(problem, result.Plan, $"seed {seed}");
            Assert.True(result.ProvenOptimal, $"seed {seed}: {result.Status}");
            Assert.True(result.Objective <= objective.Evaluate(new GreedySolver().Solve(problem)), $"seed {seed}: worse than greedy");
            Assert.Equal(result.LowerBound, result.Plan.LowerBound);
            Assert.True(result.LowerBound <= result.Objective, $"seed {seed}: bound {result.LowerBound} above {result.Objective}");
            Assert.InRange(result.RelativeGap, 0, 1e-6);
        }
    }

    [Fact]
    public void SolveDetailed_TinyTimeLimit_StillReturnsAValidPlanNoWorseThanGreedy()
    {
        var problem = RandomInstances.Problem(1, clusters: 10, jobs: 100);
        var sut = CreateSut(new ExactSolverOptions { TimeLimit = TimeSpan.FromMilliseconds(1) });

        var result = sut.SolveDetailed(problem);

        PlanChecks.AssertHold(problem, result.Plan, "1 ms limit");
        Assert.True(result.Objective <= ProblemObjective.For(problem).Evaluate(new GreedySolver().Solve(problem)));
        Assert.True(result.LowerBound <= result.Objective);
        Assert.Equal(result.ProvenOptimal, result.Status == ExactStatus.Optimal && result.LowerBound == result.Objective);
    }

    [Fact]
    public void SolveDetailed_RelativeGapAllowed_StopsWithinIt()
    {
        var problem = RandomInstances.Problem(3, clusters: 10, jobs: 100);
        var sut = CreateSut(new ExactSolverOptions { RelativeGap = 0.05 });

        var result = sut.SolveDetailed(problem);

        PlanChecks.AssertHold(problem, result.Plan, "5% gap");
        Assert.Contains(result.Status, new[] { ExactStatus.Optimal, ExactStatus.WithinGap });
        Assert.InRange(result.RelativeGap, 0, 0.05);
    }

    [Fact]
    public void Solve_CancelledBeforehand_Throws()
    {
        var problem = RandomInstances.Problem(1);

        Assert.ThrowsAny<OperationCanceledException>(() => CreateSut().Solve(problem, new CancellationToken(canceled: true)));
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsNamingEveryBadValue()
    {
        var options = new ExactSolverOptions { TimeLimit = TimeSpan.Zero, RelativeGap = 2, Workers = 0 };

        var error = Assert.Throws<ArgumentException>(() => CreateSut(options));

        Assert.Contains("TimeLimit", error.Message, StringComparison.Ordinal);
        Assert.Contains("RelativeGap", error.Message, StringComparison.Ordinal);
        Assert.Contains("Workers", error.Message, StringComparison.Ordinal);
    }

    private static string PoolOf(PlacementPlan plan, string job) => plan.Assignments.Single(a => a.Job.Id.Value == job).Candidate.Pool.Name;

    private static ExactSolver CreateSut(ExactSolverOptions? options = null) => new(options);
}
