using BenchmarkDotNet.Attributes;
using PlacementEngine.Core;
using PlacementEngine.Scenarios;

namespace PlacementEngine.MicroBenchmarks;

/// <summary>Eligibility and pricing of one job against every pool of the M fleet (300 pools).</summary>
[MemoryDiagnoser]
public class EligibilityBenchmarks
{
    private PlacementProblem _problem = null!;
    private PendingJob _job = null!;
    private (Pool Pool, Cluster Cluster)[] _pools = [];

    [GlobalSetup]
    public void Setup()
    {
        _problem = Fixtures.Generate(ScenarioSize.M).Problem;
        _job = Fixtures.WidestJob(_problem);
        _pools = _problem.Fleet.Pools.Select(p => (p, _problem.Fleet.ClusterOf(p))).ToArray();
    }

    /// <summary>The core's evaluation of every pool, rejected ones included (what an explanation needs).</summary>
    [Benchmark(Baseline = true)]
    public int EvaluateEveryPool()
    {
        var eligible = 0;
        foreach (var (pool, cluster) in _pools)
        {
            eligible += Eligibility.Evaluate(_job, cluster, pool, _problem.Prices).Eligible ? 1 : 0;
        }
        return eligible;
    }

    /// <summary>The core's candidate list: every pool evaluated, then sorted cheapest first.</summary>
    [Benchmark]
    public int CandidatesFor() => _problem.CandidatesFor(_job).Count;

    /// <summary>The baselines' scan: cheap checks first, full evaluation only where they pass.</summary>
    [Benchmark]
    public int CandidateScan() => new CandidateScan(_problem).EligibleCheapestFirst(_job).Count;
}
