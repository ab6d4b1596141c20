using System.Text;
using PlacementEngine.Core;

namespace PlacementEngine.Pricing.Tests;

/// <summary>Runs the importer on text or a file, the way the server would.</summary>
internal static class Imports
{
    /// <summary>For tests of what an import replaces: the guard against removing most of the book is tested on its own.</summary>
    public static PriceImportRequest AllowingRemovals { get; } = new() { Validation = new ImportValidationOptions { AllowRemovals = true } };

    public static ImportResult Text(string text, PriceImportRequest? request = null, PriceCatalogData? active = null)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        return PriceImporter.Import(stream, request ?? new PriceImportRequest(), active);
    }

    public static ImportResult Bytes(byte[] bytes, PriceImportRequest request, PriceCatalogData? active = null)
    {
        using var stream = new MemoryStream(bytes);
        return PriceImporter.Import(stream, request, active);
    }

    public static ImportResult File(string path, PriceImportRequest? request = null, PriceCatalogData? active = null)
    {
        using var stream = System.IO.File.OpenRead(path);
        return PriceImporter.Import(stream, (request ?? new PriceImportRequest()) with { FileName = path }, active);
    }

    /// <summary>The accepted data, or a failure that shows the problems.</summary>
    public static PriceCatalogData Accepted(ImportResult result)
    {
        Assert.True(result.Accepted, result.DescribeProblems());
        return result.Data!;
    }

    public static decimal? Hourly(PriceCatalogData data, Cloud cloud, string region, string instanceType, CapacityType capacity) =>
        data.Prices.Where(p => p.Key == new PriceKey(cloud, region, instanceType, capacity)).Select(p => (decimal?)p.Hourly.Dollars).SingleOrDefault();

    public static void HasProblemAt(ImportResult result, int line, string messagePart)
    {
        Assert.False(result.Accepted, "the import was accepted");
        Assert.True(
            result.Problems.Any(p => p.Line == line && p.Message.Contains(messagePart, StringComparison.OrdinalIgnoreCase)),
            $"no problem at line {line} mentioning '{messagePart}' in:\n{result.DescribeProblems()}");
    }
}
