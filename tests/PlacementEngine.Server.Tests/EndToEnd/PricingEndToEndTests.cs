using Grpc.Core;
using PlacementEngine.Contracts.V1;
using static PlacementEngine.Server.Tests.EndToEnd.PricingClients;

namespace PlacementEngine.Server.Tests.EndToEnd;

/// <summary>Keeping prices current through the real placectl against the real server: the README's "Keeping prices current".</summary>
[Collection(PricingServerCollection.Name)]
public sealed class PricingEndToEndTests(PricingServerFixture fixture)
{
    private ServerProcess Server => fixture.Server;

    [Fact]
    public void FreshStore_ShippedCatalogIsVersionOneAndActive()
    {
        var book = Assert.Single(fixture.BooksAtStart.Books);

        Assert.Equal((1L, true, "system", "shipped catalog"), (book.Version, book.Active, book.CreatedBy, book.Source));
        Assert.True(book.PriceCount > 100_000, $"{book.PriceCount} prices");
    }

    [Fact]
    public async Task ImportExampleConfigMap_ItsPricesAreWhatTheActiveBookCharges()
    {
        var imported = await AdminJsonAsync(Server, "pricing", "import", SharedExampleConfigMap, "--comment", "cost ConfigMap");

        Assert.Equal("configmap", imported.GetProperty("format").GetString());
        Assert.True(imported.GetProperty("book").GetProperty("active").GetBoolean());
        var shown = await AdminJsonAsync(Server, "pricing", "show", "--cloud", "aws", "--region", "us-west-2", "--instance", "p3.8xlarge");
        Assert.Equal(imported.GetProperty("book").GetProperty("version").GetString(), shown.GetProperty("version").GetString());
        var onDemand = shown.GetProperty("prices").EnumerateArray().Single(p => p.GetProperty("capacityType").GetString() == "CAPACITY_TYPE_ON_DEMAND");
        Assert.Equal("12.24", onDemand.GetProperty("hourlyPrice").GetString());
        var azure = await AdminAsync(Server, "pricing", "show", "--cloud", "azure", "--region", "eastus", "--instance", "Standard_NC24");
        Assert.Contains("$11.16", azure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OverrideDiffAndRollback_ThroughPlacectl_EveryVersionKept()
    {
        using var admin = Server.Connect(DemoTokens.Admin);
        var before = await ActiveVersionAsync(admin);

        await AdminAsync(Server, "pricing", "override", "set", "--id", "e2e-a2-discount", "--cloud", "gcp", "--family", "a2-highgpu", "--percent", "-10", "--comment", "e2e");
        var discounted = await ActiveVersionAsync(admin);
        var diff = await AdminAsync(Server, "pricing", "diff", $"{before}", $"{discounted}", "--limit", "5");
        var shown = await AdminAsync(Server, "pricing", "show", "--cloud", "gcp", "--region", "us-central1", "--instance", "a2-highgpu-8g");
        var listed = await AdminAsync(Server, "pricing", "override", "list");
        await AdminAsync(Server, "pricing", "override", "remove", "e2e-a2-discount");
        var removed = await ActiveVersionAsync(admin);
        await AdminAsync(Server, "pricing", "activate", $"{before}");
        var books = await AdminAsync(Server, "pricing", "books", "list");

        Assert.Equal([before + 1, before + 2], [discounted, removed]);
        Assert.Contains("-10%", diff, StringComparison.Ordinal);
        Assert.Matches($@"Price book {before} -> {discounted}: \d+ changed, 0 added, 0 removed prices", diff);
        Assert.Contains("e2e-a2-discount", shown, StringComparison.Ordinal);
        Assert.Contains("e2e-a2-discount", listed, StringComparison.Ordinal);
        Assert.Equal(before, await ActiveVersionAsync(admin));
        var versions = books.Split('\n').Skip(1).Where(l => l.Length > 0).Select(l => l.TrimStart('*', ' ').Split(' ')[0]).ToList();
        Assert.Equal(Enumerable.Range(1, (int)removed).Reverse().Select(v => $"{v}"), versions);
        Assert.Contains(books.Split('\n'), l => l.StartsWith('*') && l.TrimStart('*', ' ').StartsWith($"{before} ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ImportCatalogCutShort_RefusedNamingRemovalsAndUnpricedPoolsAndTheDryRunShowsTheRemovedPrices()
    {
        using var admin = Server.Connect(DemoTokens.Admin);
        var cutShort = Path.Combine(Path.GetTempPath(), $"pe-e2e-cut-short-{Guid.NewGuid():N}.csv");
        await File.WriteAllLinesAsync(cutShort, File.ReadLines(Path.Combine(RepoPaths.Root, "pricing", "prices.csv")).Take(20_000));
        try
        {
            var booksBefore = await admin.Pricing.ListPriceBooksAsync(new ListPriceBooksRequest());

            var refused = await PlacectlAsync(Server, DemoTokens.Admin, "pricing", "import", cutShort);
            var dryRun = await AdminAsync(Server, "pricing", "import", cutShort, "--dry-run", "--allow-removals", "--allow-unpriced-pools");

            Assert.NotEqual(0, refused.ExitCode);
            Assert.Contains("INVALID_ARGUMENT", refused.StdErr, StringComparison.Ordinal);
            Assert.Contains("--allow-removals", refused.StdErr, StringComparison.Ordinal);
            Assert.Matches(@"take the price away from \d+ of the fleet's \d+ pools", refused.StdErr);
            Assert.Contains("--allow-unpriced-pools", refused.StdErr, StringComparison.Ordinal);
            Assert.StartsWith($"Dry run: {Path.GetFileName(cutShort)} is valid; nothing was stored. It replaces all prices;", dryRun, StringComparison.Ordinal);
            Assert.Matches(@"-> this import: [\d,]+ changed, [\d,]+ added, [\d,]{6,} removed prices", dryRun);
            Assert.Equal(booksBefore, await admin.Pricing.ListPriceBooksAsync(new ListPriceBooksRequest()));
        }
        finally
        {
            File.Delete(cutShort);
        }
    }

    [Fact]
    public async Task SubmitterToken_PermissionDeniedThroughPlacectlAndTheApi()
    {
        using var submitter = Server.Connect(DemoTokens.MlResearch);

        var books = await PlacectlAsync(Server, DemoTokens.MlResearch, "pricing", "books", "list");
        var set = await PlacectlAsync(Server, DemoTokens.MlResearch, "pricing", "override", "set", "--id", "cheap", "--percent", "-90");
        var import = await Assert.ThrowsAsync<RpcException>(() => ImportAsync(submitter, "# placement-prices v1\n"u8.ToArray(), "prices.csv"));

        Assert.Equal((17, 17), (books.ExitCode, set.ExitCode));
        Assert.StartsWith("error: PERMISSION_DENIED: ", books.StdErr, StringComparison.Ordinal);
        Assert.Equal(StatusCode.PermissionDenied, import.StatusCode);
    }
}
