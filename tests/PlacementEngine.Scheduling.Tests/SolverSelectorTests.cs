using PlacementEngine.Core;
using PlacementEngine.Scheduling;
using PlacementEngine.TestKit;

namespace PlacementEngine.Scheduling.Tests;

public sealed class SolverSelectorTests
{
    private sealed class Named(string name) : IPlacementSolver
    {
        public string Name => name;
        public PlacementPlan Solve(PlacementProblem problem, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }

    [Fact]
    public void For_SmallBatch_UsesExact_LargeBatch_UsesFast()
    {
        var selector = new SizeBasedSolverSelector(new Named("fast"), new Named("exact"), exactUpToJobs: 30);

        Assert.Equal("exact", selector.For(RandomInstances.Problem(1, jobs: 30)).Name);
        Assert.Equal("fast", selector.For(RandomInstances.Problem(1, jobs: 31)).Name);
    }

    [Fact]
    public void For_NoExactSolver_AlwaysFast()
    {
        var selector = new SizeBasedSolverSelector(new Named("fast"), exact: null);

        Assert.Equal("fast", selector.For(RandomInstances.Problem(1, jobs: 3)).Name);
    }
}
