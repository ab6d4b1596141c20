using PlacementEngine.Core;

namespace PlacementEngine.Pricing.Tests;

public sealed class ShippedCatalogTests
{
    public static TheoryData<string> FileNames =>
        new(ShippedCatalog.PricesFile, ShippedCatalog.EgressFile, ShippedCatalog.SpotBandsFile, ShippedCatalog.RegionsFile);

    private static readonly Lazy<IReadOnlyList<GeneratedFile>> Regenerated =
        new(() => ShippedCatalogGenerator.Generate(RepositoryPaths.SharedData));

    [Theory]
    [MemberData(nameof(FileNames))]
    public void Generate_FromTheSharedData_ByteForByteTheShippedFile(string fileName)
    {
        var generated = Regenerated.Value.Single(f => f.Name == fileName);

        var shipped = File.ReadAllText(Path.Combine(RepositoryPaths.Pricing, fileName));

        Assert.True(shipped == generated.Content, $"pricing/{fileName} is not what tools/pricinggen writes: run it again (see tools/pricinggen/Program.cs)");
    }

    [Fact]
    public void Load_ShippedCatalog_AllThreeCloudsEgressAndBands()
    {
        var catalog = SharedCatalogs.Shipped;

        Assert.Equal([Cloud.Aws, Cloud.Gcp, Cloud.Azure], catalog.Prices.Select(p => p.Key.Cloud).Distinct().Order());
        Assert.Equal(catalog.Prices.Count, catalog.Prices.Select(p => p.Key).Distinct().Count());
        Assert.True(catalog.Egress.Count > 4_900, $"{catalog.Egress.Count} egress rates");
        Assert.All(catalog.SpotBands, b => Assert.InRange(b.Band, 0, 4));
        Assert.Equal(21.957642m, Imports.Hourly(catalog, Cloud.Aws, "us-east-1", "p4d.24xlarge", CapacityType.OnDemand));
        Assert.Equal(0.09m, catalog.Egress.Single(e => e.From == new RegionId(Cloud.Aws, "us-east-2") && e.To == new RegionId(Cloud.Azure, "eastus")).PerGb.Dollars);
    }

    /// <summary>Until the core's table has them, the catalog's two extra regions are all it adds; it changes none.</summary>
    [Fact]
    public void LoadRegions_AgreesWithTheBuiltInTableAndAddsAtMostTheTwoNewerRegions()
    {
        var regions = ShippedCatalog.LoadRegions(RepositoryPaths.Pricing);

        var added = regions.Where(r => !RegionDirectory.Default.Contains(r.Id)).Select(r => r.Id.ToString());

        Assert.Subset(new HashSet<string> { "azure:denmarkeast", "gcp:us-central2" }, added.ToHashSet());
        Assert.All(regions.Where(r => RegionDirectory.Default.Contains(r.Id)),
            r => Assert.True(RegionDirectory.Default.TryGet(r.Id, out var builtIn) && builtIn == r, r.Id.ToString()));
        Assert.All(RegionDirectory.Default.All, r => Assert.Contains(r, regions));
    }

    [Fact]
    public void Load_MissingFile_ThrowsNamingIt()
    {
        var empty = Directory.CreateTempSubdirectory("pricing-");
        try
        {
            var error = Assert.Throws<InvalidDataException>(() => ShippedCatalog.Load(empty.FullName));
            Assert.Contains("regions.csv is missing", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [Fact]
    public void Load_ExampleFleet_EveryPoolHasTheFleetsPriceInTheCatalog()
    {
        var prices = SharedCatalogs.Shipped.Prices.ToDictionary(p => p.Key, p => p.Hourly.Dollars);

        var wrong = ExampleFleetPools.All
            .Where(pool => !prices.TryGetValue(pool.CatalogKey, out var price) || price != pool.HourlyPrice)
            .Select(pool => $"{pool}: fleet {pool.HourlyPrice}, catalog {(prices.TryGetValue(pool.CatalogKey, out var p) ? p : "none")} under {pool.CatalogKey}")
            .ToList();

        Assert.True(ExampleFleetPools.All.Count >= 40, $"{ExampleFleetPools.All.Count} pools");
        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    /// <summary>Why the core must key GCP N1 GPU pools by the attached name: the bare machine type is the CPU-only VM.</summary>
    [Fact]
    public void Load_ExampleFleetN1T4Pool_BareMachineTypeIsTheCheaperCpuOnlyPrice()
    {
        var t4 = ExampleFleetPools.All.First(p => p.Region.Cloud == Cloud.Gcp && p.GpuModel == "T4" && p.Capacity == CapacityType.OnDemand);
        var bare = t4.CatalogKey with { InstanceType = t4.InstanceType };

        Assert.Equal("n1-standard-8-t4x1", t4.CatalogKey.InstanceType);
        Assert.True(Imports.Hourly(SharedCatalogs.Shipped, bare.Cloud, bare.Region, bare.InstanceType, bare.CapacityType) < t4.HourlyPrice);
    }
}
