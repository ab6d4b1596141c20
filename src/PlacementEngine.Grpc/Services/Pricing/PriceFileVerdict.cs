using PlacementEngine.Pricing;
using V1 = PlacementEngine.Contracts.V1;

namespace PlacementEngine.Grpc.Services;

/// <summary>What became of a price file: stored as <see cref="Outcome"/>, or rejected whole with <see cref="Rejection"/>'s problems.</summary>
internal sealed record PriceFileVerdict(V1.ImportOutcome? Outcome, ImportResult? Rejection)
{
    /// <summary>The size of the file as it arrived.</summary>
    public long ReceivedBytes { get; init; }
}
