namespace PlacementEngine.Core;

/// <summary>
/// Splits the jobs into a fixed number of contiguous chunks and runs them in parallel. The chunking does not depend
/// on the machine, and per-chunk results are combined in chunk order, so a solve gives the same plan on one core or
/// many.
/// </summary>
internal static class JobChunks
{
    public const int Count = 8;

    public static (int From, int To) Range(int jobs, int chunk) => ((int)((long)jobs * chunk / Count), (int)((long)jobs * (chunk + 1) / Count));

    /// <summary>Runs <paramref name="body"/>(chunk, from, to) for every chunk; small job counts run inline.</summary>
    public static void Run(int jobs, Action<int, int, int> body)
    {
        if (jobs < 2 * Count)
        {
            for (var chunk = 0; chunk < Count; chunk++)
            {
                var (from, to) = Range(jobs, chunk);
                body(chunk, from, to);
            }
            return;
        }
        Parallel.For(0, Count, chunk =>
        {
            var (from, to) = Range(jobs, chunk);
            body(chunk, from, to);
        });
    }
}
