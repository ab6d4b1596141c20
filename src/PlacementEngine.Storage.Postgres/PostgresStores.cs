using Npgsql;
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

    private PostgresStores(NpgsqlDataSource dataSource)
    {
        _dataSource = dataSource;
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
        var builder = new NpgsqlDataSourceBuilder(Validated(connectionString));
        // The store's tables live in their own schema; unqualified names in its SQL resolve there.
        builder.ConnectionStringBuilder.SearchPath = SchemaName;
        var dataSource = builder.Build();
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

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

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
