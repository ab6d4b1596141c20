using Microsoft.Data.Sqlite;

namespace PlacementEngine.Storage.Sqlite.PriceBooks;

/// <summary>
/// Duplicates in an import are found by the primary keys as the rows go in; the whole transaction then rolls
/// back, so no partial version is left and the active one stays as it was.
/// </summary>
internal static class DuplicateKeys
{
    private const int ConstraintPrimaryKey = 1555;
    private const int ConstraintUnique = 2067;

    public static bool IsDuplicate(SqliteException error) =>
        error.SqliteExtendedErrorCode is ConstraintPrimaryKey or ConstraintUnique;

    public static ArgumentException Error(string parameter, string what, SqliteException cause) =>
        new($"{what} appears more than once; nothing was stored", parameter, cause);
}
