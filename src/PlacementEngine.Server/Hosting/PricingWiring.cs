using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PlacementEngine.Core;
using PlacementEngine.Grpc.Services;
using PlacementEngine.Pricing;
using PlacementEngine.Scheduling;
using PlacementEngine.Server.FleetFiles;

namespace PlacementEngine.Server.Hosting;

/// <summary>
/// placement.v1.PricingService, and the shipped catalog (pricing/) as the first price book. Until a book is stored
/// the fleet file's prices serve (see <see cref="StoredPriceSource"/>), so jobs placed before then keep working.
/// </summary>
internal static partial class PricingWiring
{
    public const string SeedCreatedBy = "system";
    public const string SeedSource = "shipped catalog";

    /// <summary>Reads the catalog's region table, which imports may name besides the built-in and fleet regions.</summary>
    /// <exception cref="InvalidDataException">The catalog folder is broken.</exception>
    public static PricingServiceOptions Options(ServerOptions options, LoadedFleet fleet) => new()
    {
        Regions = fleet.Regions.With(ShippedCatalog.LoadRegions(options.PricingPath)),
        PoolKeys = [.. fleet.Fleet.Pools.Select(p => PriceKey.For(fleet.Fleet.GetCluster(p.Cluster), p))],
    };

    public static void Add(IServiceCollection services, PricingServiceOptions pricing) => services.AddPricingService(pricing);

    /// <summary>
    /// Stores the shipped catalog as version 1, active, when the store has no price book; a store that has one is
    /// left alone, so an admin's imports and rollbacks survive restarts. Runs before the server answers calls.
    /// </summary>
    /// <exception cref="InvalidDataException">The catalog is broken; the server must not start on half a catalog.</exception>
    public static async Task SeedShippedCatalogAsync(IServiceProvider services, ServerOptions options, CancellationToken cancellationToken)
    {
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger("PlacementEngine.Server.Pricing");
        var store = services.GetRequiredService<IPriceBookStore>();
        if ((await store.ListAsync(cancellationToken).ConfigureAwait(false)).Count > 0)
        {
            return;
        }
        var data = ShippedCatalog.Load(options.PricingPath);
        var books = services.GetRequiredService<PriceBookService>();
        var comment = $"the catalog shipped in {options.PricingPath}";
        var result = await books.ImportAsync(data, SeedCreatedBy, comment, SeedSource, activate: true, cancellationToken).ConfigureAwait(false);
        if (result.Error is { } error)
        {
            throw new InvalidDataException($"the price catalog in {options.PricingPath} cannot be stored: {error.Message}");
        }
        LogSeeded(log, result.Value!.Version, data.Prices.Count, data.Egress.Count, data.SpotBands.Count, options.PricingPath);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "price book {Version} stored from the shipped catalog {Folder}: {Prices} prices, {Egress} egress rates, {Bands} spot bands")]
    private static partial void LogSeeded(ILogger logger, long version, int prices, int egress, int bands, string folder);
}
