using PlacementEngine.Core;

namespace PlacementEngine.Pricing;

/// <summary>An instance type's on-demand $/hour under a cloud in pricing.yaml; where it applies is decided later.</summary>
internal sealed record ConfigMapInstancePrice(Cloud Cloud, string InstanceType, decimal Hourly, int Line);

/// <summary>A region's $/GB for data transferred out of it, under a cloud in pricing.yaml.</summary>
internal sealed record ConfigMapRegionRate(Cloud Cloud, string Region, decimal PerGb, int Line);

internal sealed record ConfigMapDocument(IReadOnlyList<ConfigMapInstancePrice> InstancePrices, IReadOnlyList<ConfigMapRegionRate> RegionRates);
