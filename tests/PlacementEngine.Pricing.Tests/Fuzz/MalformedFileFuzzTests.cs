using System.Text;
using PlacementEngine.Core;
using Xunit.Abstractions;

namespace PlacementEngine.Pricing.Tests;

/// <summary>
/// Several hundred malformed files made by seeded mutations of valid ones: every one is rejected with a problem that
/// names a line (the mutated one where it is known), no exception escapes, and the active book is left as it was.
/// </summary>
public sealed class MalformedFileFuzzTests(ITestOutputHelper output)
{
    private const int Seed = 20_261_121;
    private const int CsvCases = 420;
    private const int YamlCases = 160;
    private const int NoiseFiles = 60;

    [Fact]
    public void Import_EveryBaseFileUnchanged_Accepted()
    {
        foreach (var file in FuzzBases.Csv)
        {
            var result = Imports.Text(FuzzBases.Join(file.Lines), file.Request, FuzzBases.Active);
            Assert.True(result.Accepted, $"{file.Name}:\n{result.DescribeProblems()}");
            Assert.True(file.MutableLines.Count > 50, $"{file.Name}: {file.MutableLines.Count} rows to mutate");
        }
        foreach (var file in FuzzBases.Yaml)
        {
            var result = Imports.Text(FuzzBases.Join(file.Lines), file.Request, FuzzBases.Active);
            Assert.True(result.Accepted, $"{file.Name}:\n{result.DescribeProblems()}");
        }
    }

    [Fact]
    public void Import_SeveralHundredMalformedFiles_EachRejectedNamingALine()
    {
        var cases = Cases().ToList();
        var active = FuzzBases.Active;
        var before = Snapshot(active);
        var failures = new List<string>();

        foreach (var fuzz in cases)
        {
            try
            {
                var result = Imports.Bytes(fuzz.Content, fuzz.Request, active);
                if (Failure(fuzz, result) is { } failure)
                {
                    failures.Add(failure);
                }
            }
            catch (Exception e)
            {
                failures.Add($"{fuzz}: {e.GetType().Name} escaped: {e.Message}");
            }
        }

        foreach (var kind in cases.GroupBy(c => c.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{kind.Count(),4}  {kind.Key}");
        }
        output.WriteLine($"{cases.Count} malformed files, {failures.Count} not handled as required");
        Assert.True(cases.Count >= 600, $"{cases.Count} cases");
        Assert.True(failures.Count == 0, string.Join('\n', failures.Take(40)));
        Assert.Equal(before, Snapshot(active));
    }

    private static string? Failure(FuzzCase fuzz, ImportResult result)
    {
        if (result.Accepted || result.Data is not null)
        {
            return $"{fuzz}: accepted";
        }
        if (result.Problems.Count == 0 || result.ProblemCount < result.Problems.Count)
        {
            return $"{fuzz}: rejected without problems";
        }
        if (result.Problems.FirstOrDefault(p => p.Line < 0 || p.Line > fuzz.LineCount) is { } outside)
        {
            return $"{fuzz}: problem outside the file ({fuzz.LineCount} lines): {outside}";
        }
        if (fuzz.ExpectedLine is { } line && !result.Problems.Any(p => p.Line == line))
        {
            return $"{fuzz}: no problem names line {line}: {string.Join(" | ", result.Problems.Take(3))}";
        }
        return null;
    }

    private static IEnumerable<FuzzCase> Cases()
    {
        var random = new Random(Seed);
        for (var i = 0; i < CsvCases; i++)
        {
            yield return CsvMutations.Any(FuzzBases.Csv[i % FuzzBases.Csv.Count], random);
        }
        for (var i = 0; i < YamlCases; i++)
        {
            yield return YamlMutations.Any(FuzzBases.Yaml[i % FuzzBases.Yaml.Count], random);
        }
        foreach (var fuzz in EmptyFiles().Concat(HeaderOnlyFiles()))
        {
            yield return fuzz;
        }
        for (var i = 0; i < NoiseFiles; i++)
        {
            yield return NoiseFile(random, i);
        }
    }

    private static IEnumerable<FuzzCase> EmptyFiles()
    {
        byte[][] empties = [[], "\n"u8.ToArray(), " \n\t\n"u8.ToArray(), [0xEF, 0xBB, 0xBF], [0xEF, 0xBB, 0xBF, (byte)'\n']];
        PriceImportFormat?[] formats = [null, PriceImportFormat.SkyPilotCsv, PriceImportFormat.ConfigMap, PriceImportFormat.PlacementV1];
        foreach (var content in empties)
        {
            foreach (var format in formats)
            {
                var request = SharedCatalogs.Request(format, Cloud.Gcp) with { FileName = "empty.csv" };
                yield return new FuzzCase($"empty file ({content.Length} bytes, {format?.ToWire() ?? "detected"})", content, request, 0);
            }
        }
    }

    private static IEnumerable<FuzzCase> HeaderOnlyFiles() =>
        FuzzBases.Csv.Select(file => FuzzCase.Of($"{file.Name}: header only", FuzzBases.Join(file.Lines.Take(file.HeaderLine)), file.Request, 0));

    private static FuzzCase NoiseFile(Random random, int index)
    {
        var bytes = new byte[1 + random.Next(4096)];
        random.NextBytes(bytes);
        PriceImportFormat? format = (index % 4) switch
        {
            0 => null,
            1 => PriceImportFormat.SkyPilotCsv,
            2 => PriceImportFormat.ConfigMap,
            _ => PriceImportFormat.PlacementV1,
        };
        var request = SharedCatalogs.Request(format) with { FileName = index % 8 < 4 ? "noise.csv" : "noise.yaml" };
        return new FuzzCase($"binary noise file {index} ({bytes.Length} bytes, {format?.ToWire() ?? "detected"})", bytes, request, null);
    }

    private static string Snapshot(PriceCatalogData data) =>
        new StringBuilder()
            .AppendJoin('\n', data.Prices).Append('|')
            .AppendJoin('\n', data.Egress).Append('|')
            .AppendJoin('\n', data.SpotBands)
            .ToString();
}
