using PlacementEngine.Core;
using PlacementEngine.Solvers.OrTools;
using PlacementEngine.Solvers.Tests.Support;

namespace PlacementEngine.Solvers.Tests;

/// <summary>Turning a solution's column values into a plan that holds exactly in decimal, whatever the solution says.</summary>
public sealed class PlanAssemblerTests
{
    [Fact]
    public void Assemble_SolutionOverBudget_DropsTheLeastImportantAssignment()
    {
        var (problem, candidates, model) = TwoFourDollarJobsOnAFiveDollarBudget();
        // Both jobs on the EU pool: $8 against $5, as a budget rounded at a coarse cost resolution could let through.
        var bothOnEu = model.Columns.Select(c => c.Candidate.Pool.Cluster == "eu").ToArray();

        var assembled = PlanAssembler.Assemble(problem, candidates, model, bothOnEu);

        Assert.Equal("j1", Assert.Single(assembled.Assignments).Job.Id.Value);
        var unplaced = Assert.Single(assembled.Unplaced);
        Assert.Equal(("j0", RejectReason.Budget, false), (unplaced.Job.Id.Value, unplaced.Reason, unplaced.NoEligiblePool));
        Assert.Equal(1, assembled.Repaired);
    }

    [Fact]
    public void Assemble_NoSolution_PlacesJobsGreedilyByPriority()
    {
        var (problem, candidates, model) = TwoFourDollarJobsOnAFiveDollarBudget();

        var assembled = PlanAssembler.Assemble(problem, candidates, model, solution: null);

        Assert.Equal("j1", Assert.Single(assembled.Assignments).Job.Id.Value);
        Assert.Equal(RejectReason.Budget, Assert.Single(assembled.Unplaced).Reason);
    }

    [Fact]
    public void Assemble_SolutionLeavesAFittingJobOut_CompletesIt()
    {
        var (problem, candidates, model) = TwoFourDollarJobsOnAFiveDollarBudget(budget: 100m);
        var nothing = new bool[model.Columns.Count];

        var assembled = PlanAssembler.Assemble(problem, candidates, model, nothing);

        Assert.Equal(2, assembled.Assignments.Count);
        Assert.Equal(2, assembled.Repaired);
    }

    private static (PlacementProblem, IReadOnlyList<IReadOnlyList<Candidate>>, PlacementModel) TwoFourDollarJobsOnAFiveDollarBudget(decimal budget = 5m)
    {
        var problem = Problems.Of(Problems.EuAndUs(2m, 4, 2m, 4), [Problems.Training("low").Obj(), Problems.Training("high", priority: 3).Obj()],
            budgets: new Dictionary<string, Money> { ["team-a"] = Money.Of(budget) });
        var candidates = problem.Jobs.Select(problem.CandidatesFor).ToList();
        return (problem, candidates, PlacementModelBuilder.Build(problem, candidates, ProblemObjective.For(problem)));
    }
}
