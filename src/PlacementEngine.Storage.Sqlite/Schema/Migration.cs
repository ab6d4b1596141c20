namespace PlacementEngine.Storage.Sqlite.Schema;

/// <summary>One forward step of the schema. Once shipped, a migration's SQL never changes: fixes are new steps.</summary>
internal sealed record Migration(int Version, string Description, string Sql);
