namespace PlacementEngine.Core;

/// <summary>The plan edits local search tries, each logged so that a move that does not pay is rolled back exactly.</summary>
internal sealed partial class LocalSearch
{
    private void Begin() => _undo.Clear();

    private void Move(FastSolution solution, int job, int pool, decimal cost)
    {
        Unplace(solution, job);
        Place(solution, job, pool, cost);
    }

    private void Place(FastSolution solution, int job, int pool, decimal cost)
    {
        _undo.Add((job, -1, 0m));
        solution.Place(job, pool, cost);
        _occupants[pool].Add(job);
    }

    private void Unplace(FastSolution solution, int job)
    {
        var pool = solution.PoolOf[job];
        _undo.Add((job, pool, solution.CostOf[job]));
        solution.Unplace(job);
        _occupants[pool].Remove(job);
    }

    private void Rollback(FastSolution solution)
    {
        for (var i = _undo.Count - 1; i >= 0; i--)
        {
            var (job, pool, cost) = _undo[i];
            if (pool < 0)
            {
                var placedOn = solution.PoolOf[job];
                solution.Unplace(job);
                _occupants[placedOn].Remove(job);
            }
            else
            {
                solution.Place(job, pool, cost);
                _occupants[pool].Add(job);
            }
        }
        _undo.Clear();
    }
}
