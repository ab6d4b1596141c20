using BenchmarkDotNet.Attributes;
using PlacementEngine.Core;
using PlacementEngine.Scenarios;

namespace PlacementEngine.MicroBenchmarks;

/// <summary>
/// Placing one newly arrived job against the L fleet (1,000 pools) as it stands: the problem is the L scenario's
/// snapshot with that one job as the queue. The fast solver's fleet index is built once per snapshot, in setup,
/// as the scheduler keeps it between cycles.
/// </summary>
[MemoryDiagnoser]
public class SingleJobPlacementBenchmarks
{
    private readonly GreedySolver _greedy = new();
    private readonly SkyPilotLikeSolver _skyPilot = new();
    private readonly FastSolver _fast = new();
    private PlacementProblem _oneJob = null!;
    private FleetIndex _index = null!;

    [GlobalSetup]
    public void Setup()
    {
        var problem = Fixtures.Generate(ScenarioSize.L).Problem;
        _oneJob = problem with { Jobs = [Fixtures.WidestJob(problem)] };
        _index = FleetIndex.Build(problem.Fleet, problem.Prices);
    }

    [Benchmark(Baseline = true)]
    public int Greedy() => _greedy.Solve(_oneJob).Assignments.Count;

    [Benchmark]
    public int SkyPilotLike() => _skyPilot.Solve(_oneJob).Assignments.Count;

    [Benchmark]
    public int Fast() => _fast.SolveWithReport(_oneJob, _index).Plan.Assignments.Count;
}
