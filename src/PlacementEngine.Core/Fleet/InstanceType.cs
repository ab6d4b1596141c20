namespace PlacementEngine.Core;

/// <summary>A node shape. CPU-only types have no GPU model and zero GPUs.</summary>
public sealed record InstanceType(string Name, string? GpuModel, int GpusPerNode, decimal VCpus, decimal MemoryGiB);
