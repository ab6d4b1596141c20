namespace PlacementEngine.Storage.Sqlite.Schema;

/// <summary>Every schema step in order. The database records the last one applied in schema_version.</summary>
internal static class Migrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "jobs, transitions and attempts", Migration0001Initial.Sql),
        new(2, "price books", Migration0002PriceBooks.Sql),
        new(3, "team charges", Migration0003TeamCharges.Sql, Migration0003TeamCharges.Backfill),
    ];

    public static int Latest => All[^1].Version;
}
