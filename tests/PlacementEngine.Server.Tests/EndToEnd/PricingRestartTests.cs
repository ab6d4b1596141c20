using PlacementEngine.Contracts.V1;

namespace PlacementEngine.Server.Tests.EndToEnd;

/// <summary>The shipped catalog seeds only an empty store, and a broken catalog stops the server at start-up.</summary>
public sealed class PricingRestartTests
{
    [Fact]
    public async Task Restart_StoreHasPriceBooks_KeepsEveryVersionAndTheActiveOneWithoutSeedingAgain()
    {
        await using var server = await ServerProcess.StartAsync();
        using (var admin = server.Connect(DemoTokens.Admin))
        {
            await admin.Pricing.SetOverrideAsync(new SetOverrideRequest
            {
                Override = new PriceOverride { Id = "restart-probe", Selector = new OverrideSelector { Cloud = "aws" }, Percent = "-5" },
            });
        }

        await server.KillHardAsync();
        await server.StartAgainAsync();

        using var again = server.Connect(DemoTokens.Admin);
        var books = await again.Pricing.ListPriceBooksAsync(new ListPriceBooksRequest());
        Assert.Equal([(2L, true, "override set restart-probe"), (1L, false, "shipped catalog")], books.Books.Select(b => (b.Version, b.Active, b.Source)));
    }

    [Fact]
    public async Task Start_PricingFolderWithoutACatalog_RefusesToStartNamingTheMissingFile()
    {
        var empty = Directory.CreateTempSubdirectory("pe-no-catalog-");
        try
        {
            var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => ServerProcess.StartAsync("--pricing", empty.FullName));

            Assert.Contains("exited with 2", ex.Message, StringComparison.Ordinal);
            Assert.Contains("cannot start", ex.Message, StringComparison.Ordinal);
            Assert.Contains("regions.csv is missing", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }
}
