using FsCheck;
using FsCheck.Xunit;
using PlacementEngine.Core;
using PlacementEngine.TestKit;

namespace PlacementEngine.Core.Tests.Placement.Fast;

/// <summary>The invariants every solver keeps (<see cref="PlanInvariants"/>), for the fast solver, plus its own: a valid bound.</summary>
public sealed class FastSolverPropertyTests
{
    [Property(MaxTest = 300)]
    public Property Solve_RandomInstances_NeverBreaksAHardOrJointConstraintAndBoundsItself() =>
        RandomProblems.ForAll(RandomProblems.Default(), problem =>
        {
            var plan = new FastSolver().Solve(problem);

            PlanInvariants.AssertHold(problem, plan, "instance");
            Assert.True(plan.LowerBound is { } bound && bound <= ProblemObjective.For(problem).Evaluate(plan), $"bound {plan.LowerBound} above the plan");
        });
}
