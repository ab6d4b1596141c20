using PlacementEngine.Core;
using PlacementEngine.TestKit;

namespace PlacementEngine.Core.Tests.Placement.Fast;

public sealed class ClassCatalogTests
{
    private static ClassCatalog Catalog()
    {
        var fleets = Fleets.Make().Cluster("c", "aws:us-east-1").Pool("g-a100-8", "A100", 8, CapacityType.OnDemand, 20m, 1);
        return new ClassCatalog(FleetIndex.Build(fleets.Fleet(), fleets.Prices()));
    }

    [Fact]
    public void For_SameListsInAnotherOrderOrRepeated_IsOneClass()
    {
        var catalog = Catalog();
        var first = catalog.For(JobSpecs.Gpu("a", 8, "A100", "H100").In("EU", "US").Obj());
        var reordered = catalog.For(JobSpecs.Gpu("b", 8, "H100", "A100", "H100").In("US", "EU").Obj());
        var sameNumbers = catalog.For(JobSpecs.Gpu("c", 8, "A100", "H100").In("EU", "US")
            .With(s => s with { Worker = s.Worker with { VCpus = 4.00m } }).Obj());

        Assert.Same(first, reordered);
        Assert.Same(first, sameNumbers);
        Assert.Equal(1, catalog.Count);
    }

    [Fact]
    public void For_AnyFieldTheChecksReadDiffers_IsAnotherClass()
    {
        var catalog = Catalog();
        var basis = JobSpecs.Gpu("a", 8, "A100").In("EU");
        var specs = new[]
        {
            basis.Obj(),
            JobSpecs.Gpu("b", 8, "A100", "H100").In("EU").Obj(),
            JobSpecs.Gpu("c", 4, "A100").In("EU").Obj(),
            basis.In("US").Obj(),
            basis.In("EU", "US").Obj(),
            basis.Policy(CapacityPolicy.SpotOnly).Obj(),
            basis.With(s => s with { Worker = s.Worker with { MemoryGiB = 32m } }).Obj(),
            basis.With(s => s with { ClusterSelector = new Dictionary<string, string> { ["tier"] = "gold" } }).Obj(),
            basis.With(s => s with { ClusterSelector = new Dictionary<string, string> { ["tier"] = "silver" } }).Obj(),
        };

        var classes = specs.Select(catalog.For).ToList();

        Assert.Equal(specs.Length, classes.Distinct().Count());
        Assert.Equal(specs.Length, catalog.Count);
    }
}
