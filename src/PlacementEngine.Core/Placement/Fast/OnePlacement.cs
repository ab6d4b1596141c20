namespace PlacementEngine.Core;

/// <summary>Where one job goes between cycles: an assignment, or why it has to wait.</summary>
public sealed record OnePlacement(Assignment? Assignment, Unplaced? Unplaced)
{
    public bool Placed => Assignment is not null;
}
