namespace PlacementEngine.Scenarios;

/// <summary>
/// A trace job's GPUs as a gang of workers that each fit one node: up to 8 GPUs is one worker; more are split into
/// ceil(GPUs / 8) equal workers (12 -> 2 x 6, 16 -> 2 x 8, 32 -> 4 x 8, 128 -> 16 x 8). Eight is the most GPUs
/// a node has in all three catalogs apart from GCP's a2-megagpu-16g.
/// </summary>
public static class GangShape
{
    public const int MaxGpusPerWorker = 8;

    public static (int Workers, int GpusPerWorker) For(int gpus)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(gpus, 1);
        if (gpus <= MaxGpusPerWorker)
        {
            return (1, gpus);
        }
        var workers = (gpus + MaxGpusPerWorker - 1) / MaxGpusPerWorker;
        return (workers, (gpus + workers - 1) / workers);
    }
}
