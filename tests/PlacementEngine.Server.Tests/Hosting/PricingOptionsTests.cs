using Microsoft.Extensions.Configuration;
using PlacementEngine.Server.Hosting;
using PlacementEngine.Server.Tests.EndToEnd;

namespace PlacementEngine.Server.Tests.Hosting;

public sealed class PricingOptionsTests
{
    private static (ServerOptions? Options, IReadOnlyList<string> Errors) From(string? pricing)
    {
        var settings = new Dictionary<string, string?> { ["fleet"] = RepoPaths.Fleet, ["tokens"] = RepoPaths.Tokens, ["pricing"] = pricing };
        return ServerOptions.From(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
    }

    [Fact]
    public void From_NoPricingFlag_FindsTheCheckoutsCatalogFolder()
    {
        var (options, errors) = From(null);

        Assert.Empty(errors);
        Assert.Equal(Path.Combine(RepoPaths.Root, "pricing"), options!.PricingPath);
    }

    [Fact]
    public void From_PricingFolderGiven_UsedAsAFullPath()
    {
        var (options, _) = From(Path.Combine(RepoPaths.Root, "pricing"));

        Assert.True(Path.IsPathFullyQualified(options!.PricingPath));
        Assert.True(Directory.Exists(options.PricingPath));
    }

    [Fact]
    public void From_PricingFolderMissing_ReportedAndTheServerDoesNotStart()
    {
        var (options, errors) = From("/nonexistent/pricing");

        Assert.Null(options);
        Assert.Contains("--pricing: folder '/nonexistent/pricing' does not exist", errors);
    }
}
