namespace PlacementEngine.Storage.Sqlite.Database;

/// <summary>Loads the bundled native SQLite once per process, before the first connection opens.</summary>
internal static class SqliteRuntime
{
    private static readonly Lazy<bool> Initialized = new(() =>
    {
        SQLitePCL.Batteries_V2.Init();
        return true;
    });

    public static void EnsureInitialized() => _ = Initialized.Value;
}
