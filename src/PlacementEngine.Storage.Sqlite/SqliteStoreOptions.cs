namespace PlacementEngine.Storage.Sqlite;

/// <summary>Where the embedded store keeps its file and how long a write waits for a lock held elsewhere.</summary>
public sealed class SqliteStoreOptions
{
    public static readonly TimeSpan DefaultBusyTimeout = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan MinBusyTimeout = TimeSpan.FromMilliseconds(1);
    public static readonly TimeSpan MaxBusyTimeout = TimeSpan.FromMinutes(10);

    /// <summary>The database file. Its directory must exist; the file is created on first open.</summary>
    public string Path { get; set; } = "";

    /// <summary>
    /// How long a statement waits while another connection (another process, such as a second server started
    /// by mistake) holds the write lock. Between <see cref="MinBusyTimeout"/> and <see cref="MaxBusyTimeout"/>.
    /// </summary>
    public TimeSpan BusyTimeout { get; set; } = DefaultBusyTimeout;

    /// <summary>Every bad value, each naming its option; empty when the options can be used.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Path))
        {
            errors.Add("Path: the database file is required");
        }
        else if (Path.Trim() == ":memory:" || Path.Contains("mode=memory", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"Path: '{Path}' is in memory; the store must be a file so acknowledged writes survive a restart");
        }
        else
        {
            var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path));
            if (directory is not null && !Directory.Exists(directory))
            {
                errors.Add($"Path: directory '{directory}' does not exist");
            }
        }
        if (BusyTimeout < MinBusyTimeout || BusyTimeout > MaxBusyTimeout)
        {
            errors.Add($"BusyTimeout: {BusyTimeout} is out of range {MinBusyTimeout} to {MaxBusyTimeout}");
        }
        return errors;
    }
}
