namespace PlacementEngine.Pricing;

/// <summary>
/// A priced node in one place: a zone, or the region for catalogs without zones (Azure). Either price may be missing:
/// a blank cell means the catalog has no price for that capacity type there.
/// </summary>
internal sealed record ZonalPrice(string Region, string Place, string InstanceType, decimal? OnDemand, decimal? Spot, int Line)
{
    public bool SamePrices(ZonalPrice other) => OnDemand == other.OnDemand && Spot == other.Spot;
}

/// <summary>A GCP accelerator row (empty InstanceType): the price of <see cref="Count"/> GPUs added to a host VM in one zone.</summary>
internal sealed record GpuRow(string Region, string Place, string Model, int Count, decimal? OnDemand, decimal? Spot, int Line)
{
    public bool SamePrices(GpuRow other) => OnDemand == other.OnDemand && Spot == other.Spot;
}
