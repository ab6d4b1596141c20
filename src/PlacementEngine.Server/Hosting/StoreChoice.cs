using Microsoft.Extensions.Configuration;
using PlacementEngine.Storage.Postgres;

namespace PlacementEngine.Server.Hosting;

public enum StoreKind
{
    /// <summary>The embedded default: one SQLite file (--db), one server process.</summary>
    Sqlite,

    /// <summary>Scale-out: jobs and price books in one PostgreSQL database shared by every silo.</summary>
    Postgres,
}

/// <summary>Where jobs and price books live: --store sqlite|postgres (PLACEMENT_STORE), and --postgres CONNECTION-STRING (PLACEMENT_POSTGRES).</summary>
public sealed record StoreChoice(StoreKind Kind, string? PostgresConnectionString)
{
    public static StoreChoice Sqlite { get; } = new(StoreKind.Sqlite, null);

    public static StoreChoice Read(IConfiguration config, List<string> errors)
    {
        var store = config["store"]?.Trim();
        var connectionString = string.IsNullOrWhiteSpace(config["postgres"]) ? null : config["postgres"]!.Trim();
        switch (store?.ToLowerInvariant())
        {
            case null or "" or "sqlite":
                if (connectionString is not null)
                {
                    errors.Add("--postgres is read only with --store postgres; the default store is the SQLite file (--db)");
                }
                return Sqlite;
            case "postgres":
                if (PostgresStores.Problem(connectionString) is { } problem)
                {
                    errors.Add($"--postgres: {problem}; --store postgres needs a connection string, e.g. \"Host=127.0.0.1;Username=placement;Database=placement\"");
                }
                return new StoreChoice(StoreKind.Postgres, connectionString);
            default:
                errors.Add($"--store '{store}': expected sqlite or postgres");
                return Sqlite;
        }
    }
}
