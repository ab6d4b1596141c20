using Microsoft.Data.Sqlite;

namespace PlacementEngine.Storage.Sqlite.Schema;

/// <summary>
/// One forward step of the schema. Once shipped, a migration's SQL never changes: fixes are new steps.
/// <paramref name="Backfill"/> runs after the SQL, in the same transaction, for what SQL alone cannot compute
/// exactly (sums of decimal text).
/// </summary>
internal sealed record Migration(int Version, string Description, string Sql, Action<SqliteTransaction>? Backfill = null);
