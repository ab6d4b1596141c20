using PlacementEngine.Contracts.V1;

namespace PlacementEngine.LoadGen.Calls;

/// <summary>The jobs the load generator submits; every one valid, named and keyed by its run and number.</summary>
internal static class JobSpecs
{
    /// <summary>
    /// One T4 GPU for an hour, spot preferred: the shape the example fleet has most of (Azure NC4as_T4_v3, GCP
    /// n1-standard-8 + T4) and the one the h2load script submits, so the two tools measure the same work.
    /// </summary>
    public static JobSpec Placeable(string run, long index) => new()
    {
        Name = $"load-{run}-{index}",
        Container = new ContainerSpec { Image = "ghcr.io/acme/train:1" },
        Worker = new WorkerResources { Gpus = 1, GpuModels = { "T4" }, Vcpus = 4, MemoryGib = 16 },
        Workers = 1,
        EstimatedRuntimeSeconds = 3600,
        CapacityPolicy = CapacityPolicy.SpotPreferred,
    };

    /// <summary>
    /// A gang of four 8 x A100 nodes for 60 days (the longest runtime the service accepts): too large for most A100
    /// pools of the example fleet and dearer than the demo team's budget on the others. Capacity and budget are
    /// reasons a job waits for, so it stays Pending (a price cap or a GPU model the fleet lacks would make it
    /// Unschedulable, out of the queue the cycle works on).
    /// </summary>
    public static JobSpec StaysPending(string run, long index) => new()
    {
        Name = $"pending-{run}-{index}",
        Container = new ContainerSpec { Image = "ghcr.io/acme/train:1" },
        Worker = new WorkerResources { Gpus = 8, GpuModels = { "A100" }, Vcpus = 96, MemoryGib = 640 },
        Workers = 4,
        EstimatedRuntimeSeconds = 60L * 24 * 3600,
        CapacityPolicy = CapacityPolicy.SpotPreferred,
    };

    /// <summary>The idempotency key of request <paramref name="index"/> of a run: unique, so every request stores a new job.</summary>
    public static string Key(string run, long index) => $"{run}-{index}";

    /// <summary>A short id telling this run's jobs from other runs' against the same database.</summary>
    public static string NewRunId() => Guid.NewGuid().ToString("N")[..8];
}
