using BenchmarkDotNet.Attributes;
using PlacementEngine.Core;
using PlacementEngine.Scenarios;

namespace PlacementEngine.MicroBenchmarks;

/// <summary>The cost matrix of M: every eligible (job, pool) pair with its expected cost, 1,000 jobs x 300 pools.</summary>
[MemoryDiagnoser]
public class CostMatrixBenchmarks
{
    private PlacementProblem _problem = null!;

    [GlobalSetup]
    public void Setup() => _problem = Fixtures.Generate(ScenarioSize.M).Problem;

    /// <summary>The core's candidate lists for every job, as the greedy and exact solvers build them.</summary>
    [Benchmark(Baseline = true)]
    public int CandidatesForEveryJob()
    {
        var pairs = 0;
        foreach (var job in _problem.Jobs)
        {
            pairs += _problem.CandidatesFor(job).Count(c => c.Eligible);
        }
        return pairs;
    }

    /// <summary>The same eligible pairs through the baselines' scan.</summary>
    [Benchmark]
    public int CandidateScanEveryJob()
    {
        var scan = new CandidateScan(_problem);
        var pairs = 0;
        foreach (var job in _problem.Jobs)
        {
            pairs += scan.EligibleCheapestFirst(job).Count;
        }
        return pairs;
    }
}
