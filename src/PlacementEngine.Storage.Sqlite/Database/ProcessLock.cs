namespace PlacementEngine.Storage.Sqlite.Database;

/// <summary>
/// An exclusive OS lock on "&lt;database&gt;.lock", held while the store is open, so that one process at a time uses
/// the file as its store. A side file, not the database: SQLite's own locks on the database stay untouched, and
/// other connections of the same process (Orleans' reminders) open the database as usual. The OS drops the lock
/// when the process dies, however it dies, so a crash leaves nothing to clean up.
/// </summary>
internal sealed class ProcessLock : IDisposable
{
    private readonly FileStream _file;

    private ProcessLock(FileStream file) => _file = file;

    /// <summary>Throws <see cref="DatabaseInUseException"/> when another open store (in any process) holds the lock.</summary>
    public static ProcessLock Acquire(string databasePath)
    {
        var lockPath = databasePath + ".lock";
        try
        {
            // FileShare.None is an exclusive, non-blocking lock (flock on Unix): a second holder is refused at once.
            return new ProcessLock(new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException ex) when (ex is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new DatabaseInUseException(databasePath, lockPath, ex);
        }
    }

    // The file stays behind: deleting it on close would let a process that opened it just before lock a file no one else sees.
    public void Dispose() => _file.Dispose();
}
