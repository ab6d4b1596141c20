namespace PlacementEngine.Core;

/// <summary>
/// Every job's listed candidates in flat arrays (job-major), plus the reverse view from each pool to the entries
/// that list it: what the dual loops run over, on contiguous memory. A snapshot: rebuild it after lists grow.
/// </summary>
internal sealed class CandidateTable
{
    public CandidateTable(PreparedProblem problem, CandidateList[] lists)
    {
        var jobs = problem.Jobs;
        JobStart = new int[jobs.Length + 1];
        for (var j = 0; j < jobs.Length; j++)
        {
            JobStart[j + 1] = JobStart[j] + lists[j].Count;
        }
        var total = JobStart[^1];
        Pool = new int[total];
        Cost = new double[total];
        JobOf = new int[total];
        Workers = new double[jobs.Length];
        Team = new int[jobs.Length];
        for (var j = 0; j < jobs.Length; j++)
        {
            Workers[j] = jobs[j].Workers;
            Team[j] = jobs[j].Team;
            var list = lists[j];
            Array.Copy(list.Pools, 0, Pool, JobStart[j], list.Count);
            Array.Copy(list.Costs, 0, Cost, JobStart[j], list.Count);
            Array.Fill(JobOf, j, JobStart[j], list.Count);
        }

        var pools = problem.Index.PoolCount;
        PoolStart = new int[pools + 1];
        foreach (var pool in Pool)
        {
            PoolStart[pool + 1]++;
        }
        for (var p = 0; p < pools; p++)
        {
            PoolStart[p + 1] += PoolStart[p];
        }
        PoolEntries = new int[total];
        var next = (int[])PoolStart.Clone();
        for (var e = 0; e < total; e++)
        {
            PoolEntries[next[Pool[e]]++] = e;
        }
    }

    /// <summary>Job j's entries are [JobStart[j], JobStart[j + 1]), in the order of its list.</summary>
    public int[] JobStart { get; }

    public int[] Pool { get; }

    public double[] Cost { get; }

    public int[] JobOf { get; }

    public double[] Workers { get; }

    public int[] Team { get; }

    /// <summary>Pool p's entries are PoolEntries[PoolStart[p] .. PoolStart[p + 1]).</summary>
    public int[] PoolStart { get; }

    public int[] PoolEntries { get; }

    public int Count => Pool.Length;
}
