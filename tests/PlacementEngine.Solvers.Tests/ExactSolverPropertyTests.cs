using FsCheck;
using FsCheck.Xunit;
using PlacementEngine.Core;
using PlacementEngine.Solvers.OrTools;
using PlacementEngine.Solvers.Tests.Support;
using PlacementEngine.TestKit;

namespace PlacementEngine.Solvers.Tests;

/// <summary>
/// The invariants on the exact solver's plans, on random fleets and queues that FsCheck shrinks when one breaks.
/// Each property checks one invariant, so a failure names it.
/// </summary>
public sealed class ExactSolverPropertyTests
{
    private const int Instances = 60;

    [Property(MaxTest = Instances)]
    public Property Solve_EveryJob_IsDecidedExactlyOnce() => Holds(PlanChecks.AssertEveryJobDecidedOnce);

    [Property(MaxTest = Instances)]
    public Property Solve_EveryAssignment_PassesEveryHardConstraint() =>
        Holds((problem, plan, context) => plan.Assignments.ToList().ForEach(a => PlanChecks.AssertEligible(problem, a, context)));

    [Property(MaxTest = Instances)]
    public Property Solve_NoPool_IsGivenMoreThanItsFreeNodes() => Holds(PlanChecks.AssertPoolsNotOverfilled);

    [Property(MaxTest = Instances)]
    public Property Solve_NoCluster_GoesOverAGpuCap() => Holds(PlanChecks.AssertGpuCapsKept);

    [Property(MaxTest = Instances)]
    public Property Solve_NoTeam_GoesOverItsBudget() => Holds(PlanChecks.AssertBudgetsKept);

    [Property(MaxTest = Instances)]
    public Property Solve_NoGang_IsSplit() => Holds((_, plan, context) => PlanChecks.AssertGangsWhole(plan, context));

    private static Property Holds(Action<PlacementProblem, PlacementPlan, string> check) =>
        RandomProblems.ForAll(RandomProblems.Default(), problem => check(problem, Sut.Solve(problem), "instance"));

    private static readonly ExactSolver Sut = new(new ExactSolverOptions { TimeLimit = TimeSpan.FromSeconds(30) });
}
