using PlacementEngine.Core;
using PlacementEngine.TestKit;

namespace PlacementEngine.Core.Tests.Placement.Fast;

/// <summary>The invariants every solver keeps (<see cref="PlanInvariants"/>), for the fast solver, plus its own: a valid bound.</summary>
public sealed class FastSolverPropertyTests
{
    [Fact]
    public void Solve_RandomInstances_NeverBreaksAHardOrJointConstraintAndBoundsItself()
    {
        var solver = new FastSolver();
        var placed = 0;
        for (var seed = 1; seed <= 300; seed++)
        {
            var problem = RandomInstances.Problem(seed);
            var plan = solver.Solve(problem);
            PlanInvariants.AssertHold(problem, plan, $"seed {seed}");
            Assert.True(plan.LowerBound is { } bound && bound <= ProblemObjective.For(problem).Evaluate(plan), $"seed {seed}: bound {plan.LowerBound} above the plan");
            placed += plan.Assignments.Count;
        }
        Assert.True(placed > 1000, $"the random instances should place plenty of jobs, placed {placed}");
    }
}
