using FsCheck;
using FsCheck.Fluent;
using PlacementEngine.Core;

namespace PlacementEngine.TestKit;

/// <summary>
/// FsCheck's view of <see cref="RandomInstances"/>: FsCheck draws the seed, and a failing instance shrinks by dropping
/// jobs, clusters, pools, budgets and reservations, so a broken invariant is reported on a few jobs and pools.
/// </summary>
public static class RandomProblems
{
    /// <summary>
    /// <see cref="Prop.ForAll{T}(Arbitrary{T}, Action{T})"/>, with the instance written out in the failure: FsCheck
    /// would print the record's type names.
    /// </summary>
    public static Property ForAll(Arbitrary<PlacementProblem> problems, Action<PlacementProblem> check) =>
        Prop.ForAll(problems, problem =>
        {
            try
            {
                check(problem);
            }
            catch (Exception e)
            {
                throw new Exception($"{e.Message}{Environment.NewLine}on {ProblemText.Describe(problem)}", e);
            }
        });

    /// <summary>Instances of <see cref="RandomInstances.Problem"/>'s default size.</summary>
    public static Arbitrary<PlacementProblem> Default() => From(seed => RandomInstances.Problem(seed));

    /// <summary>Instances made from a seed by <paramref name="make"/>, shrunk as above.</summary>
    public static Arbitrary<PlacementProblem> From(Func<int, PlacementProblem> make) =>
        Arb.From(Gen.Choose(1, int.MaxValue - 1).Select(make), Shrink);

    /// <summary>Smaller instances, the biggest cuts first: half the jobs, then one job, cluster, pool, budget or reservation less.</summary>
    public static IEnumerable<PlacementProblem> Shrink(PlacementProblem problem)
    {
        var jobs = problem.Jobs;
        if (jobs.Count > 1)
        {
            yield return problem with { Jobs = jobs.Take(jobs.Count / 2).ToList() };
            yield return problem with { Jobs = jobs.Skip(jobs.Count / 2).ToList() };
        }
        for (var i = 0; i < jobs.Count; i++)
        {
            yield return problem with { Jobs = jobs.Where((_, j) => j != i).ToList() };
        }
        foreach (var cluster in problem.Fleet.Clusters)
        {
            yield return WithFleet(problem, problem.Fleet.Clusters.Where(c => c != cluster), problem.Fleet.Pools.Where(p => p.Cluster != cluster.Name));
        }
        foreach (var pool in problem.Fleet.Pools)
        {
            yield return WithFleet(problem, problem.Fleet.Clusters, problem.Fleet.Pools.Where(p => p != pool));
        }
        foreach (var team in problem.RemainingBudgets.Keys)
        {
            yield return problem with { RemainingBudgets = problem.RemainingBudgets.Where(b => b.Key != team).ToDictionary() };
        }
        foreach (var pool in problem.UsedNodes.Keys)
        {
            yield return problem with { UsedNodes = problem.UsedNodes.Where(u => u.Key != pool).ToDictionary() };
        }
    }

    private static PlacementProblem WithFleet(PlacementProblem problem, IEnumerable<Cluster> clusters, IEnumerable<Pool> pools)
    {
        var fleet = new Fleet(clusters.ToList(), pools.ToList());
        return problem with
        {
            Fleet = fleet,
            UsedNodes = problem.UsedNodes.Where(u => fleet.TryGetPool(u.Key, out _)).ToDictionary(),
            GpusInUse = problem.GpusInUse.Where(g => fleet.Clusters.Any(c => c.Name == g.Key.Cluster)).ToDictionary(),
        };
    }
}
