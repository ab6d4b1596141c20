using PlacementEngine.Core;
using PlacementEngine.TestKit;

namespace PlacementEngine.Core.Tests.Placement.Fast;

public sealed class FastSolverTests
{
    private static readonly FastSolverOptions HeuristicOnly = new() { ExactSearchMaxJobs = 0 };

    private static PendingJob Job(string id, JobSpec spec) => new(new JobId(id), spec, new HashSet<string>(), 1);

    private static PlacementProblem Problem(Fleets fleets, IReadOnlyList<PendingJob> jobs, IReadOnlyDictionary<string, Money>? budgets = null) =>
        new(jobs, fleets.Fleet(), fleets.Prices(), new Dictionary<string, int>(), budgets ?? new Dictionary<string, Money>(), new Dictionary<(string, string), int>());

    [Fact]
    public void Solve_ContestedCheapPool_GivesItToTheJobWithoutAnAlternative()
    {
        // "flexible" prefers the cheap A100 pool and matters more, but can also use H100; "picky" can only use A100.
        var fleets = Fleets.Make().Cluster("c", "aws:us-east-1")
            .Pool("g-a100-8", "A100", 8, CapacityType.OnDemand, 20m, 1)
            .Pool("g-h100-8", "H100", 8, CapacityType.OnDemand, 40m, 1);
        var problem = Problem(fleets, [
            Job("flexible", JobSpecs.Gpu("flexible", 8).Priority(50).Obj()),
            Job("picky", JobSpecs.Gpu("picky", 8, "A100").Priority(10).Obj()),
        ]);

        var plan = new FastSolver(HeuristicOnly).Solve(problem);

        Assert.Empty(plan.Unplaced);
        Assert.Equal("c/g-a100-8/on-demand", plan.Assignments.Single(a => a.Job.Id.Value == "picky").Candidate.Pool.Name);
        Assert.Equal("c/g-h100-8/on-demand", plan.Assignments.Single(a => a.Job.Id.Value == "flexible").Candidate.Pool.Name);
        // The search may end as soon as its bound proves the plan within the target gap.
        var objective = ProblemObjective.For(problem).Evaluate(plan);
        Assert.True(plan.LowerBound <= objective);
        Assert.InRange(PlacementGap.Relative(objective, plan.LowerBound!.Value), 0d, HeuristicOnly.TargetGap);
    }

    [Fact]
    public void Solve_OneSlotTwoJobs_PlacesTheMoreImportantOneAndSaysWhyTheOtherWaits()
    {
        var fleets = Fleets.Make().Cluster("c", "aws:us-east-1").Pool("g-a100-8", "A100", 8, CapacityType.OnDemand, 20m, 1);
        var problem = Problem(fleets, [
            Job("low", JobSpecs.Gpu("low", 8).Priority(1).Obj()),
            Job("high", JobSpecs.Gpu("high", 8).Priority(90).Obj()),
        ]);

        var plan = new FastSolver(HeuristicOnly).Solve(problem);

        Assert.Equal("high", plan.Assignments.Single().Job.Id.Value);
        var waiting = plan.Unplaced.Single();
        Assert.Equal("low", waiting.Job.Id.Value);
        Assert.Equal(RejectReason.Capacity, waiting.Reason);
        Assert.False(waiting.NoEligiblePool);
    }

    [Fact]
    public void Solve_ResidencyRulesOutEveryPool_ReportsNoEligiblePoolWithTheReason()
    {
        var fleets = Fleets.Make().Cluster("c", "aws:us-east-1").Pool("g-a100-8", "A100", 8, CapacityType.OnDemand, 20m, 4);
        var problem = Problem(fleets, [Job("eu", JobSpecs.Gpu("eu", 8).InEu().Obj())]);

        var plan = new FastSolver().Solve(problem);

        var waiting = plan.Unplaced.Single();
        Assert.True(waiting.NoEligiblePool);
        Assert.Equal(RejectReason.Residency, waiting.Reason);
        Assert.StartsWith("1 of 1 pools:", waiting.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Solve_TeamBudgetFitsOneJob_PlacesOnlyWhatTheBudgetCovers()
    {
        // Each job costs $40 (2 h x $20); $50 covers one of them.
        var fleets = Fleets.Make().Cluster("c", "aws:us-east-1").Pool("g-a100-8", "A100", 8, CapacityType.OnDemand, 20m, 4);
        var problem = Problem(fleets, [
            Job("a", JobSpecs.Gpu("a", 8).Team("vision").Priority(5).Obj()),
            Job("b", JobSpecs.Gpu("b", 8).Team("vision").Priority(7).Obj()),
        ], new Dictionary<string, Money> { ["vision"] = Money.Of(50m) });

        var plan = new FastSolver(HeuristicOnly).Solve(problem);

        PlanInvariants.AssertHold(problem, plan, "budget");
        Assert.Equal("b", plan.Assignments.Single().Job.Id.Value);
        Assert.Equal(RejectReason.Budget, plan.Unplaced.Single().Reason);
    }

    [Fact]
    public void Solve_GpuCapBinds_ReportsTheCap()
    {
        var fleets = Fleets.Make().Cluster("c", "aws:us-east-1", gpuCaps: new Dictionary<string, int> { ["A100"] = 8 })
            .Pool("g-a100-8", "A100", 8, CapacityType.OnDemand, 20m, 4);
        var problem = Problem(fleets, [Job("a", JobSpecs.Gpu("a", 8).Priority(5).Obj()), Job("b", JobSpecs.Gpu("b", 8).Obj())]);

        var plan = new FastSolver(HeuristicOnly).Solve(problem);

        PlanInvariants.AssertHold(problem, plan, "gpu cap");
        Assert.Equal("a", plan.Assignments.Single().Job.Id.Value);
        Assert.Equal(RejectReason.GpuCap, plan.Unplaced.Single().Reason);
    }

    [Fact]
    public void SolveWithReport_RandomInstance_BoundsTheObjectiveFromBelow()
    {
        var problem = RandomInstances.Problem(7, clusters: 20, jobs: 300);

        var report = new FastSolver().SolveWithReport(problem);

        Assert.Equal(ProblemObjective.For(problem).Evaluate(report.Plan), report.ObjectiveValue);
        Assert.True(report.LowerBound <= report.ObjectiveValue);
        Assert.InRange(report.Gap, 0d, 1d);
        Assert.Equal(report.LowerBound, report.Plan.LowerBound);
    }

    [Fact]
    public void Solve_ShouldStopAtOnce_StillReturnsAFeasiblePlanWithABound()
    {
        var problem = RandomInstances.Problem(3, clusters: 10, jobs: 100);

        var plan = new FastSolver(new FastSolverOptions { ShouldStop = () => true }).Solve(problem);

        PlanInvariants.AssertHold(problem, plan, "stopped");
        Assert.True(plan.LowerBound <= ProblemObjective.For(problem).Evaluate(plan));
    }

    [Fact]
    public void Solve_Cancelled_ThrowsOperationCanceled()
    {
        // Callers tell a cancelled solve from a failed one by this exception alone, whichever step saw the token.
        var problem = RandomInstances.Problem(3, clusters: 10, jobs: 100);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var thrown = Record.Exception(() => new FastSolver(HeuristicOnly).Solve(problem, cancelled.Token));

        Assert.IsAssignableFrom<OperationCanceledException>(thrown);
    }

    [Fact]
    public void Constructor_InvalidOptions_NamesEveryBadValue()
    {
        var error = Assert.Throws<ArgumentException>(() => new FastSolver(new FastSolverOptions { MaxIterations = -1, CandidatesPerJob = 0, TargetGap = 2 }));

        Assert.Contains(nameof(FastSolverOptions.MaxIterations), error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(FastSolverOptions.CandidatesPerJob), error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(FastSolverOptions.TargetGap), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Solve_SameProblemTwice_GivesTheSamePlanAndBound()
    {
        var problem = RandomInstances.Problem(11, clusters: 30, jobs: 400);

        var first = new FastSolver().Solve(problem);
        var second = new FastSolver().Solve(problem);

        Assert.Equal(first.LowerBound, second.LowerBound);
        Assert.Equal(first.Assignments.Select(a => (a.Job.Id, a.Candidate.Pool.Name)), second.Assignments.Select(a => (a.Job.Id, a.Candidate.Pool.Name)));
        Assert.Equal(first.Unplaced.Select(u => (u.Job.Id, u.Reason, u.Detail)), second.Unplaced.Select(u => (u.Job.Id, u.Reason, u.Detail)));
    }

    [Fact]
    public void SolveWithReport_WithProgress_TellsEachPhaseEndingInTheReportsObjectiveAndBound()
    {
        var problem = RandomInstances.Problem(7, clusters: 20, jobs: 300);
        var told = new List<FastSolverProgress>();

        var report = new FastSolver(new FastSolverOptions { Progress = told.Add }).SolveWithReport(problem);

        Assert.Equal("flow", told[0].Phase);
        Assert.Equal(new FastSolverProgress("done", report.ObjectiveValue.Dollars, report.LowerBound.Dollars), told[^1]);
        Assert.All(told, p => Assert.True(p.LowerBound <= p.Objective, $"{p.Phase}: bound {p.LowerBound} above objective {p.Objective}"));
        // The best plan only gets better from phase to phase.
        Assert.Equal(told.Select(p => p.Objective).OrderDescending(), told.Select(p => p.Objective));
    }
}
