using PlacementEngine.Core;

namespace PlacementEngine.Scenarios;

/// <summary>What a scenario is made of, in numbers a reader can check against its description.</summary>
/// <param name="DemandNodes">The fewest nodes the pending jobs could run on: one per worker.</param>
/// <param name="FreeNodes">Free nodes over all pools.</param>
/// <param name="DemandGpus">GPUs the pending jobs ask for together (workers x GPUs per worker).</param>
/// <param name="FreeGpus">GPUs on the pools' free nodes.</param>
/// <param name="TraceFirstIndex">Where the window of jobs starts in the trace's submit order.</param>
public sealed record ScenarioStats(
    int Clusters,
    int PoolsUs,
    int PoolsEu,
    int PoolsOther,
    long DemandNodes,
    long FreeNodes,
    long DemandGpus,
    long FreeGpus,
    int CappedClusters,
    int Teams,
    int TightBudgets,
    decimal ReferencePricePerGpuHour,
    int TraceFirstIndex);

/// <summary>A placement problem drawn from the shared real data, reproducible from its size, seed and variant.</summary>
public sealed record Scenario(
    ScenarioSize Size,
    int Seed,
    bool Contended,
    PlacementProblem Problem,
    ScenarioStats Stats,
    string Description);
