using PlacementEngine.Storage.Sqlite;

namespace PlacementEngine.Server.Hosting;

/// <summary>The embedded default: one SQLite file holding jobs and price books, created on first start and carried on from after a restart.</summary>
internal static class StoreWiring
{
    public static SqliteStores Open(ServerOptions options) => SqliteStores.Open(options.DatabasePath);
}
