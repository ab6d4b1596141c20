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
        var solver = SolverWiring.Create().For(RandomInstances.Problem(1, jobs: 30));

        Assert.IsType<ExactSolver>(solver);
        Assert.Equal("exact", solver.Name);
    }

    [Fact]
    public void Create_BatchLargerThanTheExactLimit_GoesToTheFastSolver()
    {
        var solver = SolverWiring.Create().For(RandomInstances.Problem(1, jobs: SizeBasedSolverSelector.DefaultExactUpToJobs + 1));

        Assert.IsType<FastSolver>(solver);
    }

    [Fact]
    public void ExactTimeLimit_IsTwoSeconds() => Assert.Equal(TimeSpan.FromSeconds(2), SolverWiring.ExactTimeLimit);
}
