using PlacementEngine.Core;
using PlacementEngine.Scheduling;
using PlacementEngine.TestKit;

namespace PlacementEngine.Scheduling.Tests;

public sealed class TimeBoundedFastSolverTests
{
    // Budget-bound and contended enough that the price iterations change the plan.
    private static readonly PlacementProblem Problem = RandomInstances.Problem(7, clusters: 20, jobs: 300);

    [Fact]
    public void Solve_DeadlinePassedAtOnce_ReturnsThePlanOfASearchStoppedAtOnce()
    {
        var stopped = new FastSolver(new FastSolverOptions { ShouldStop = () => true }).Solve(Problem);
        var unbounded = new FastSolver().Solve(Problem);
        Assert.NotEqual(Describe(unbounded), Describe(stopped));

        var plan = new TimeBoundedFastSolver(TimeSpan.FromSeconds(2), new SteppingTime(TimeSpan.FromSeconds(3))).Solve(Problem);

        Assert.Equal(Describe(stopped), Describe(plan));
    }

    [Fact]
    public void Solve_ClockStandingStill_ReturnsThePlanOfAnUnboundedSearch()
    {
        var unbounded = new FastSolver().Solve(Problem);

        var plan = new TimeBoundedFastSolver(TimeSpan.FromSeconds(2), new SteppingTime(TimeSpan.Zero)).Solve(Problem);

        Assert.Equal(Describe(unbounded), Describe(plan));
    }

    [Fact]
    public void Constructor_BudgetNotPositive_NamesTheBudget()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new TimeBoundedFastSolver(TimeSpan.Zero, TimeProvider.System));

        Assert.Equal("budget", error.ParamName);
    }

    private static string Describe(PlacementPlan plan) =>
        $"{plan.LowerBound} {plan.TotalCost} " + string.Join(",", plan.Assignments.Select(a => $"{a.Job.Id}@{a.Candidate.Pool.Name}").Order());

    /// <summary>A clock that moves by a fixed step each time it is read.</summary>
    private sealed class SteppingTime(TimeSpan step) : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks += step.Ticks;
    }
}
