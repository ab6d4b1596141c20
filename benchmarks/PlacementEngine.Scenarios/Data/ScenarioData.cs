using PlacementEngine.Core;

namespace PlacementEngine.Scenarios;

/// <summary>Everything scenarios are drawn from, read once from the shared data: catalog offers, egress, spot bands, the job trace.</summary>
public sealed class ScenarioData
{
    private static readonly Lazy<ScenarioData> SharedData = new(() => Load(SharedDataDirectory.Locate()));

    public ScenarioData(
        IReadOnlyList<CatalogOffer> offers,
        IReadOnlyDictionary<(RegionId From, RegionId To), Money> egress,
        IReadOnlyDictionary<(Cloud Cloud, string Region, string InstanceType), int> spotBands,
        IReadOnlyList<TraceJob> trace,
        RegionDirectory regions)
    {
        // A region without a known country has no jurisdiction, so residency could not be decided there.
        Offers = offers.Where(o => regions.Contains(o.Region)).ToList();
        Egress = egress;
        SpotBands = spotBands;
        Trace = trace;
        Regions = regions;
    }

    /// <summary>The shared data found next to the checkout, read on first use.</summary>
    public static ScenarioData Shared => SharedData.Value;

    /// <summary>GPU node offers of AWS, GCP and Azure in regions of known jurisdiction, one per catalog row (GCP: host + GPU row).</summary>
    public IReadOnlyList<CatalogOffer> Offers { get; }

    public IReadOnlyDictionary<(RegionId From, RegionId To), Money> Egress { get; }

    public IReadOnlyDictionary<(Cloud Cloud, string Region, string InstanceType), int> SpotBands { get; }

    /// <summary>Philly jobs in submit order.</summary>
    public IReadOnlyList<TraceJob> Trace { get; }

    public RegionDirectory Regions { get; }

    public static ScenarioData Load(string dataDirectory)
    {
        var prices = Path.Combine(dataDirectory, "prices");
        var offers = AwsCatalog.Read(prices).Concat(GcpCatalog.Read(prices)).Concat(AzureCatalog.Read(prices)).ToList();
        return new ScenarioData(
            offers,
            EgressMatrix.Read(prices),
            SpotAdvisor.Read(Path.Combine(dataDirectory, "spot")),
            PhillyTrace.Read(Path.Combine(dataDirectory, "traces")),
            RegionDirectory.Default);
    }
}
