using Npgsql;
using PlacementEngine.Storage.Postgres.Database;
using PlacementEngine.Storage.Postgres.Schema;

namespace PlacementEngine.Storage.Postgres;

/// <summary>
/// The job store and the price book store on one PostgreSQL database, for silos that share it. Opening creates
/// or migrates the schema; the stores are safe to use from many threads and many processes at once. Disposing
/// closes the connection pool.
/// </summary>
public sealed class PostgresStores : IAsyncDisposable
{
    /// <summary>The PostgreSQL schema that holds this store's tables, apart from anything else in the database (Orleans' tables).</summary>
    public const string SchemaName = "placement";

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _applicationName;

    private PostgresStores(NpgsqlDataSource dataSource)
    {
        _dataSource = dataSource;
        _applicationName = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString).ApplicationName!;
        Jobs = new PostgresJobStore(dataSource);
        PriceBooks = new PostgresPriceBookStore(dataSource);
    }

    public PostgresJobStore Jobs { get; }

    public PostgresPriceBookStore PriceBooks { get; }

    /// <summary>
    /// Connects and brings the schema up to date. Throws <see cref="ArgumentException"/> naming a bad connection
    /// string, and the server's own error when it cannot be reached or refuses the login.
    /// </summary>
    public static async Task<PostgresStores> OpenAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        var dataSource = CreateDataSource(connectionString);
        try
        {
            await SchemaMigrator.MigrateAsync(dataSource, cancellationToken);
            return new PostgresStores(dataSource);
        }
        catch
        {
            await dataSource.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Ends this store's sessions, in any process, that stopped part-way through a pipeline holding locks another
    /// session waits for, for longer than <see cref="StalledSessionTimeout"/> (a silo frozen mid-commit); returns
    /// how many. Every silo calls it now and then: the frozen one cannot.
    /// </summary>
    public Task<int> EndStalledSessionsAsync(CancellationToken cancellationToken) =>
        EndStalledSessionsAsync(StalledSessionTimeout, cancellationToken);

    internal Task<int> EndStalledSessionsAsync(TimeSpan stalledFor, CancellationToken cancellationToken) =>
        StalledSessions.EndAsync(_dataSource, _applicationName, stalledFor, cancellationToken);

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    /// <summary>
    /// The server ends a session left idle inside a transaction this long, releasing its locks: a silo that hangs
    /// (SIGSTOP, a frozen VM) between two statements of a commit would otherwise block every other silo's commits on
    /// the same pools until it wakes. The store's transactions run their statements back to back.
    /// </summary>
    public static readonly TimeSpan IdleInTransactionTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a session may sit stalled part-way through a pipeline, holding locks, before
    /// <see cref="EndStalledSessionsAsync"/> ends it: the idle-in-transaction limit, for the waits that limit misses.
    /// </summary>
    public static readonly TimeSpan StalledSessionTimeout = IdleInTransactionTimeout;

    /// <summary>The application name the store's sessions carry when the connection string gives none; it tells them apart on the server.</summary>
    public const string DefaultApplicationName = "placement-engine";

    internal static NpgsqlDataSource CreateDataSource(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(Validated(connectionString));
        // The store's tables live in their own schema; unqualified names in its SQL resolve there.
        builder.ConnectionStringBuilder.SearchPath = SchemaName;
        builder.ConnectionStringBuilder.ApplicationName ??= DefaultApplicationName;
        var timeout = $"-c idle_in_transaction_session_timeout={(int)IdleInTransactionTimeout.TotalMilliseconds}";
        builder.ConnectionStringBuilder.Options = builder.ConnectionStringBuilder.Options is { Length: > 0 } given ? $"{given} {timeout}" : timeout;
        return builder.Build();
    }

    /// <summary>What is wrong with <paramref name="connectionString"/>, without repeating it (it may hold a password); null when it can be used.</summary>
    public static string? Problem(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return "the PostgreSQL connection string is empty";
        }
        try
        {
            return string.IsNullOrWhiteSpace(new NpgsqlConnectionStringBuilder(connectionString).Host)
                ? "the PostgreSQL connection string names no Host"
                : null;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            return $"the PostgreSQL connection string cannot be read: {e.Message}";
        }
    }

    private static string Validated(string connectionString) =>
        Problem(connectionString) is { } problem ? throw new ArgumentException(problem, nameof(connectionString)) : connectionString;
}
