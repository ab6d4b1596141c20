using PlacementEngine.Core;
using PlacementEngine.Scheduling;
using PlacementEngine.Server.Hosting;
using PlacementEngine.Solvers.OrTools;
using PlacementEngine.TestKit;

namespace PlacementEngine.Server.Tests.Hosting;

public sealed class SolverWiringTests
{
    [Fact]
    public void Create_SmallBatch_GoesToTheExactSolver()
    {
        var solver = SolverWiring.Create(TimeProvider.System).For(RandomInstances.Problem(1, jobs: 30));

        Assert.IsType<ExactSolver>(solver);
        Assert.Equal("exact", solver.Name);
    }

    [Fact]
    public void Create_BatchLargerThanTheExactLimit_GoesToTheFastSolver()
    {
        var solver = SolverWiring.Create(TimeProvider.System).For(RandomInstances.Problem(1, jobs: SizeBasedSolverSelector.DefaultExactUpToJobs + 1));

        var fast = Assert.IsType<TimeBoundedFastSolver>(solver);
        Assert.Equal("fast", fast.Name);
        Assert.Equal(SolverWiring.FastSearchBudget, fast.Budget);
    }

    [Fact]
    public void ExactTimeLimit_IsTwoSeconds() => Assert.Equal(TimeSpan.FromSeconds(2), SolverWiring.ExactTimeLimit);
}
