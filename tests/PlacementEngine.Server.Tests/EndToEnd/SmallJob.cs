using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Server.Tests.EndToEnd;

/// <summary>A small CPU job (one 2-vCPU worker for ten minutes) that any example fleet can place.</summary>
internal static class SmallJob
{
    /// <summary>The submission, named and keyed by <paramref name="key"/>.</summary>
    public static SubmitJobRequest Request(string key) => new()
    {
        IdempotencyKey = key,
        Spec = new JobSpec
        {
            Name = key,
            Container = new ContainerSpec { Image = "ghcr.io/acme/batch:1" },
            Worker = new WorkerResources { Vcpus = 2, MemoryGib = 4 },
            Workers = 1,
            EstimatedRuntimeSeconds = 600,
        },
    };
}
