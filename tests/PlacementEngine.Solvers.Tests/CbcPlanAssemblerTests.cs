using PlacementEngine.Core;
using PlacementEngine.Solvers.Cbc;
using PlacementEngine.Solvers.Tests.Support;

namespace PlacementEngine.Solvers.Tests;

/// <summary>Turning CBC's column values into a plan that holds exactly, whatever CBC's tolerances let through.</summary>
public sealed class CbcPlanAssemblerTests
{
    [Fact]
    public void Assemble_SolutionOverBudgetByTolerance_DropsTheLeastImportantAssignment()
    {
        var (problem, candidates, mip) = TwoFourDollarJobsOnAFiveDollarBudget();
        // Both jobs on the EU pool: $8 against $5, as if CBC's tolerance had let the budget row through.
        var bothOnEu = mip.Columns.Select(c => c.Candidate.Pool.Cluster == "eu" ? 1.0 : 0.0).ToArray();

        var assembled = PlanAssembler.Assemble(problem, candidates, mip, bothOnEu);

        Assert.Equal("j1", Assert.Single(assembled.Assignments).Job.Id.Value);
        var unplaced = Assert.Single(assembled.Unplaced);
        Assert.Equal(("j0", RejectReason.Budget, false), (unplaced.Job.Id.Value, unplaced.Reason, unplaced.NoEligiblePool));
        Assert.Equal(1, assembled.Repaired);
    }

    [Fact]
    public void Assemble_NoSolution_PlacesJobsGreedilyByPriority()
    {
        var (problem, candidates, mip) = TwoFourDollarJobsOnAFiveDollarBudget();

        var assembled = PlanAssembler.Assemble(problem, candidates, mip, solution: null);

        Assert.Equal("j1", Assert.Single(assembled.Assignments).Job.Id.Value);
        Assert.Equal(RejectReason.Budget, Assert.Single(assembled.Unplaced).Reason);
    }

    [Fact]
    public void Assemble_SolutionLeavesAFittingJobOut_CompletesIt()
    {
        var (problem, candidates, mip) = TwoFourDollarJobsOnAFiveDollarBudget(budget: 100m);
        var nothing = new double[mip.Columns.Count];

        var assembled = PlanAssembler.Assemble(problem, candidates, mip, nothing);

        Assert.Equal(2, assembled.Assignments.Count);
        Assert.Equal(2, assembled.Repaired);
    }

    private static (PlacementProblem, IReadOnlyList<IReadOnlyList<Candidate>>, PlacementMip) TwoFourDollarJobsOnAFiveDollarBudget(decimal budget = 5m)
    {
        var problem = Problems.Of(Problems.EuAndUs(2m, 4, 2m, 4), [Problems.Training("low").Obj(), Problems.Training("high", priority: 3).Obj()],
            budgets: new Dictionary<string, Money> { ["team-a"] = Money.Of(budget) });
        var candidates = problem.Jobs.Select(problem.CandidatesFor).ToList();
        return (problem, candidates, PlacementMipBuilder.Build(problem, candidates, ProblemObjective.For(problem)));
    }
}
