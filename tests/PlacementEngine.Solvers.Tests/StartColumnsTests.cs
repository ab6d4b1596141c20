using PlacementEngine.Core;
using PlacementEngine.Solvers.OrTools;
using PlacementEngine.Solvers.Tests.Support;

namespace PlacementEngine.Solvers.Tests;

public sealed class StartColumnsTests
{
    [Fact]
    public void Of_APlan_MarksExactlyTheColumnsOfItsAssignments()
    {
        var problem = Problems.Of(Problems.EuAndUs(1m, 1, 2m, 1), [Problems.Training("a").Obj(), Problems.Training("b").Obj()]);
        var model = PlacementModelBuilder.Build(problem, problem.Jobs.Select(problem.CandidatesFor).ToList(), ProblemObjective.For(problem));
        var plan = new GreedySolver().Solve(problem);

        var start = StartColumns.Of(problem, model, plan.Assignments);

        var marked = model.Columns.Where((_, i) => start[i]).Select(c => (problem.Jobs[c.Job].Id.Value, c.Candidate.Pool.Name));
        Assert.Equal(plan.Assignments.Select(a => (a.Job.Id.Value, a.Candidate.Pool.Name)), marked);
        Assert.Equal(2, plan.Assignments.Count);
    }

    [Fact]
    public void Of_NoAssignments_MarksNothing()
    {
        var problem = Problems.Of(Problems.EuAndUs(1m, 1, 2m, 1), [Problems.Training("a").Obj()]);
        var model = PlacementModelBuilder.Build(problem, problem.Jobs.Select(problem.CandidatesFor).ToList(), ProblemObjective.For(problem));

        Assert.All(StartColumns.Of(problem, model, []), Assert.False);
    }
}
