using PlacementEngine.Core;

namespace PlacementEngine.Storage.Sqlite.Serialization;

/// <summary>A <see cref="Placement"/> as stored; amounts are decimal strings.</summary>
internal sealed record PlacementDocument(
    string Cluster,
    string Pool,
    string Region,
    string InstanceType,
    string CapacityType,
    int Nodes,
    CostDocument Cost,
    int Attempt)
{
    public static PlacementDocument From(Placement placement) => new(
        placement.Cluster,
        placement.Pool,
        StoredNames.Of(placement.Region),
        placement.InstanceType,
        StoredNames.Of(placement.CapacityType),
        placement.Nodes,
        CostDocument.From(placement.Cost),
        placement.Attempt);

    public Placement ToPlacement() => new(
        Cluster,
        Pool,
        StoredNames.ParseRegion(Region),
        InstanceType,
        StoredNames.ParseCapacityType(CapacityType),
        Nodes,
        Cost.ToCost(),
        Attempt);
}

internal sealed record CostDocument(string HourlyPricePerNode, int Nodes, string Hours, string Compute, string Egress, string SpotRisk)
{
    public static CostDocument From(CostBreakdown cost) => new(
        StoredText.FormatMoney(cost.HourlyPricePerNode),
        cost.Nodes,
        StoredText.FormatDecimal(cost.Hours),
        StoredText.FormatMoney(cost.Compute),
        StoredText.FormatMoney(cost.Egress),
        StoredText.FormatMoney(cost.SpotRisk));

    public CostBreakdown ToCost() => new(
        StoredText.ParseMoney(HourlyPricePerNode),
        Nodes,
        StoredText.ParseDecimal(Hours),
        StoredText.ParseMoney(Compute),
        StoredText.ParseMoney(Egress),
        StoredText.ParseMoney(SpotRisk));
}
