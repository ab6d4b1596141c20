using Grpc.Core;
using PlacementEngine.Contracts.V1;
using PlacementEngine.Server.Tests.FleetFiles;
using Xunit.Abstractions;
using static PlacementEngine.Server.Tests.EndToEnd.PricingClients;

namespace PlacementEngine.Server.Tests.EndToEnd;

/// <summary>
/// Several hundred malformed price files through the real server's API: each is rejected naming a line, none
/// changes the price books, and the server keeps serving.
/// </summary>
[Collection(PricingServerCollection.Name)]
public sealed class PricingFuzzTests(PricingServerFixture fixture, ITestOutputHelper output)
{
    private const int Seed = 20_261_121;
    private const int Files = 300;
    private const int SampleRows = 40;

    [Fact]
    public async Task ImportMalformedFiles_EachRejectedNamingALine_BooksUnchangedAndServerHealthy()
    {
        using var admin = fixture.Server.Connect(DemoTokens.Admin);
        var (placementV1, skyPilot, configMap) = (PlacementV1Sample(), SkyPilotSample(), ConfigMapExample());
        // The files unbroken are accepted (stored without activating them), so what rejects a mutant is its mutation.
        // They are samples of the catalog, so they would remove most of its prices and unprice pools: allowed, as that is not what is tested.
        foreach (var (lines, name) in new[] { (placementV1, "prices.csv"), (skyPilot, "anycloud_catalog_gcp_vms.csv"), (configMap, "pricing-configmap.yaml") })
        {
            var outcome = await ImportAsync(admin, System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"), name, noActivate: true, allowRemovals: true, allowUnpricedPools: true);
            Assert.True(outcome is { Prices: > 0, Book.Active: false }, $"{name}: {outcome}");
        }
        var booksBefore = await admin.Pricing.ListPriceBooksAsync(new ListPriceBooksRequest());
        var files = new PriceFileMutator(Seed).Generate(Files, placementV1, skyPilot, configMap).ToList();
        var failures = new List<string>();

        foreach (var file in files)
        {
            try
            {
                await ImportAsync(admin, file.Content, file.FileName, file.Format, allowRemovals: true, allowUnpricedPools: true);
                failures.Add($"{file}: accepted");
            }
            catch (PriceFileRejectedException e) when (e.Status == StatusCode.InvalidArgument && NamesTheBrokenLine(file, e.Rejection))
            {
                // Rejected as it must be: the problems with their lines, then INVALID_ARGUMENT.
            }
            catch (PriceFileRejectedException e)
            {
                failures.Add($"{file}, expected {Expected(file)}: {e.Message.ReplaceLineEndings(" | ")}");
            }
            catch (RpcException e)
            {
                failures.Add($"{file}, expected {Expected(file)}, got no rejection but {e.StatusCode}: {e.Status.Detail.ReplaceLineEndings(" | ")}");
            }
        }

        foreach (var kind in files.GroupBy(f => f.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{kind.Count(),4}  {kind.Key}");
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures.Take(30)));
        var booksAfter = await admin.Pricing.ListPriceBooksAsync(new ListPriceBooksRequest());
        Assert.Equal(booksBefore, booksAfter);
        Assert.True(await fixture.Server.IsServingAsync(), "the server stopped serving");
    }

    /// <summary>The rejection lists a problem on the broken line when it is known, or on some line (0: the whole file) otherwise.</summary>
    private static bool NamesTheBrokenLine(MalformedFile file, ImportRejection rejection)
    {
        var named = rejection.Problems.Select(p => (int)p.Line).ToList();
        return named.Count > 0 && (file.Lines.Count == 0 || named.Intersect(file.Lines).Any());
    }

    private static string Expected(MalformedFile file) => file.Lines.Count == 0 ? "any line" : $"line {string.Join(" or ", file.Lines)}";

    /// <summary>Rows of the shipped catalog itself, so every key is in the active book and a 100-fold rise is one.</summary>
    private static string[] PlacementV1Sample()
    {
        var lines = File.ReadLines(Path.Combine(RepositoryPaths.Root, "pricing", "prices.csv")).ToList();
        var header = lines.FindIndex(l => l.StartsWith("cloud,", StringComparison.Ordinal));
        var rows = lines.Skip(header + 1).Where(l => l.StartsWith("gcp,", StringComparison.Ordinal) && !l.Contains(",,", StringComparison.Ordinal)).Take(SampleRows);
        return ["# placement-prices v1", lines[header], .. rows];
    }

    /// <summary>N2 machines: GPU hosts (a2, g2, n1) are priced only together with their GPU rows, which a short sample may lack.</summary>
    private static string[] SkyPilotSample()
    {
        var lines = File.ReadLines(RepositoryPaths.SharedPrices("anycloud_catalog_gcp_vms.csv")).ToList();
        return [lines[0], .. lines.Where(l => l.StartsWith("n2-standard-", StringComparison.Ordinal)).Take(SampleRows)];
    }

    private static string[] ConfigMapExample() => File.ReadAllLines(SharedExampleConfigMap);
}
