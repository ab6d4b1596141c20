namespace PlacementEngine.Server.Tests.EndToEnd.ScaleOut;

/// <summary>
/// The multi-silo tests run one at a time: each starts a PostgreSQL server and three silos, and on two cores two such
/// clusters side by side starve each other's failure detection into declaring live silos dead.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ScaleOutCollection
{
    public const string Name = "scale-out clusters";
}
