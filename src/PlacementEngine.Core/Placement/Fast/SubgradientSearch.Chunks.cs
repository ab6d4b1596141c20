namespace PlacementEngine.Core;

/// <summary>The pass over the jobs, split into <see cref="JobChunks"/> whose usages are summed in chunk order.</summary>
internal sealed partial class SubgradientSearch
{
    private void EvaluateChunk(int chunkIndex, int from, int to)
    {
        var chunk = _chunks[chunkIndex];
        chunk.Clear();
        var index = _problem.Index;
        var table = _table;
        var perNode = Duals.PerNode;
        var value = 0d;
        for (var j = from; j < to; j++)
        {
            var factor = Duals.CostFactor(table.Team[j]);
            var workers = table.Workers[j];
            var best = -1;
            var jobValue = _problem.PenaltyD[j];
            for (var e = table.JobStart[j]; e < table.JobStart[j + 1]; e++)
            {
                var reduced = (factor * table.Cost[e]) + (workers * perNode[table.Pool[e]]);
                if (reduced < jobValue)
                {
                    jobValue = reduced;
                    best = e;
                }
            }
            value += jobValue;
            if (best < 0)
            {
                continue;
            }
            var pool = table.Pool[best];
            chunk.NodesUsed[pool] += workers;
            var capKey = index.CapKeyOf[pool];
            if (capKey >= 0)
            {
                chunk.GpusUsed[capKey] += workers * index.GpusOf[pool];
            }
        }
        chunk.Value = value;
    }

    private static void Add(double[] sum, double[] part)
    {
        for (var i = 0; i < sum.Length; i++)
        {
            sum[i] += part[i];
        }
    }

    /// <summary>What one chunk of jobs chose at the current prices.</summary>
    private sealed class ChunkUsage(int pools, int caps)
    {
        public double Value { get; set; }

        public double[] NodesUsed { get; } = new double[pools];

        public double[] GpusUsed { get; } = new double[caps];

        public void Clear()
        {
            Value = 0;
            Array.Clear(NodesUsed);
            Array.Clear(GpusUsed);
        }
    }
}
