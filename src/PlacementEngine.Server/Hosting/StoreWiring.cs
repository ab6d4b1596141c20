using PlacementEngine.Scheduling;
using PlacementEngine.Storage.Sqlite;

namespace PlacementEngine.Server.Hosting;

/// <summary>The embedded default: one SQLite file, created on first start and carried on from after a restart.</summary>
internal static class StoreWiring
{
    public static IJobStore Open(ServerOptions options) => SqliteJobStore.Open(options.DatabasePath);
}
