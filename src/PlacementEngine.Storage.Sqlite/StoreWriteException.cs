using PlacementEngine.Scheduling;

namespace PlacementEngine.Storage.Sqlite;

/// <summary>
/// A write that was not stored because the transaction it shared with other writes failed (for example a full
/// disk); nothing of it was written, and the caller may try again. The inner exception is SQLite's error.
/// </summary>
public sealed class StoreWriteException : StoreUnavailableException
{
    public StoreWriteException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
