using Npgsql;
using PlacementEngine.Scheduling;
using PlacementEngine.Storage.Postgres;
using PlacementEngine.Storage.Sqlite;

namespace PlacementEngine.Server.Hosting;

/// <summary>
/// The job and price book stores the options chose: the embedded SQLite file by default, created on first start and
/// carried on from after a restart; or a PostgreSQL database shared by silos, its schema created or migrated here.
/// </summary>
internal static class StoreWiring
{
    public static OpenStores Open(ServerOptions options)
    {
        if (options.Store.Kind == StoreKind.Sqlite)
        {
            var sqlite = SqliteStores.Open(options.DatabasePath);
            return new OpenStores(sqlite.Jobs, sqlite.PriceBooks, sqlite);
        }
        try
        {
            // Opened while the host starts, before anything serves, so waiting here holds up nothing else.
            var postgres = PostgresStores.OpenAsync(options.Store.PostgresConnectionString!).GetAwaiter().GetResult();
            return new OpenStores(postgres.Jobs, postgres.PriceBooks, postgres);
        }
        catch (NpgsqlException e)
        {
            // Start-up reports InvalidDataException as "cannot start" with its message, rather than a stack trace.
            throw new InvalidDataException($"--postgres: cannot open the PostgreSQL store: {e.Message}", e);
        }
    }
}

/// <summary>The two stores and what closes them at shutdown (the container disposes this); the PostgreSQL ones when shared.</summary>
internal sealed class OpenStores(IJobStore jobs, IPriceBookStore priceBooks, IAsyncDisposable owner) : IAsyncDisposable
{
    public IJobStore Jobs { get; } = jobs;

    public IPriceBookStore PriceBooks { get; } = priceBooks;

    public PostgresStores? Postgres => owner as PostgresStores;

    public ValueTask DisposeAsync() => owner.DisposeAsync();
}
