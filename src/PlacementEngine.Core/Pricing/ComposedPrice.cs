namespace PlacementEngine.Core;

/// <summary>One price as the scheduler sees it, next to the imported price and the overrides that made the difference.</summary>
/// <param name="AppliedOverrideIds">The matching overrides, in the order they were applied; empty when <paramref name="Hourly"/> is the imported price.</param>
public sealed record ComposedPrice(PriceKey Key, Money Imported, Money Hourly, IReadOnlyList<string> AppliedOverrideIds);
