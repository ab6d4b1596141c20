using PlacementEngine.Core;

namespace PlacementEngine.Scheduling;

/// <summary>What the active book charges for one instance type in one region, per capacity type, next to the imported prices.</summary>
/// <param name="Prices">One per capacity type the book lists, in capacity type order.</param>
public sealed record InstancePrices(long Version, IReadOnlyList<ComposedPrice> Prices);
