namespace PlacementEngine.Storage.Sqlite;

/// <summary>Another process has the database file open as its store; two schedulers on one file would both place its jobs.</summary>
public sealed class DatabaseInUseException : IOException
{
    public DatabaseInUseException(string databasePath, string lockPath, Exception inner)
        : base($"database '{databasePath}' is in use by another PlacementEngine process (it holds the lock file '{lockPath}'); "
            + "stop that process or give this one another database file", inner)
    {
        DatabasePath = databasePath;
    }

    public string DatabasePath { get; }
}
