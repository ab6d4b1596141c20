using System.Globalization;
using System.Text.RegularExpressions;

namespace PlacementEngine.Pricing.Tests;

/// <summary>Breaks a valid price table (a ConfigMap or the bare table) in one place that must be caught.</summary>
internal static partial class YamlMutations
{
    private static readonly Func<YamlBase, Random, FuzzCase>[] All =
    [
        GarbageValue, NegativeValue, HugeValue, LargeRise, UnknownCloud, DuplicateEntry, NowhereToApply, NoiseLine,
        TruncatedAfterKey, TabIndent, WrongKindOrMissingTable,
    ];

    private static readonly string[] YamlGarbage = ["abc", "1.2.3", "--1", "0x1F", "NaN", "12..5", "1 2", "$3", "\"twelve\"", "'1,5'", "~"];

    public static FuzzCase Any(YamlBase file, Random random) => All[random.Next(All.Length)](file, random);

    private static FuzzCase GarbageValue(YamlBase file, Random random) =>
        SetValue(file, random, "garbage value", _ => YamlGarbage[random.Next(YamlGarbage.Length)]);

    private static FuzzCase NegativeValue(YamlBase file, Random random) => SetValue(file, random, "negative value", v => "-" + v);

    private static FuzzCase HugeValue(YamlBase file, Random random) =>
        SetValue(file, random, "huge value", _ => CsvMutations.HugeNumbers[random.Next(CsvMutations.HugeNumbers.Length)]);

    // Only the instance types the active book prices in the table's regions: p3.8xlarge and n1-standard-16-v100x4.
    private static FuzzCase LargeRise(YamlBase file, Random random)
    {
        var lines = file.Lines.ToList();
        var candidates = Entries(file).Where(i => lines[i].Contains("p3.8xlarge", StringComparison.Ordinal) || lines[i].Contains("v100x4", StringComparison.Ordinal)).ToList();
        var index = candidates[random.Next(candidates.Count)];
        var match = Entry().Match(lines[index]);
        var risen = decimal.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture) * (21 + random.Next(30));
        lines[index] = $"{match.Groups["key"].Value}: {NumberText.Format(risen)}";
        return Case(file, "25-fold price", lines, index + 1);
    }

    private static FuzzCase UnknownCloud(YamlBase file, Random random)
    {
        var lines = file.Lines.ToList();
        var clouds = Enumerable.Range(0, lines.Count).Where(i => CloudLine().IsMatch(lines[i])).ToList();
        var index = clouds[random.Next(clouds.Count)];
        lines[index] = lines[index].Replace(":", random.Next(2) == 0 ? "x:" : "-cloud:", StringComparison.Ordinal);
        return Case(file, "unknown cloud", lines, index + 1);
    }

    private static FuzzCase DuplicateEntry(YamlBase file, Random random)
    {
        var lines = file.Lines.ToList();
        var index = Pick(Entries(file), random);
        lines.Insert(index + 1, lines[index]);
        return Case(file, "duplicate key", lines, index + 2);
    }

    // Azure's Standard_NC24 is in no active book: without the eastus line its price has nowhere to go.
    private static FuzzCase NowhereToApply(YamlBase file, Random random)
    {
        var lines = file.Lines.ToList();
        lines.RemoveAt(lines.FindIndex(l => l.TrimStart().StartsWith("eastus:", StringComparison.Ordinal)));
        return Case(file, "instance price with no region", lines, lines.FindIndex(l => l.Contains("Standard_NC24", StringComparison.Ordinal)) + 1);
    }

    // At an entry's indentation, without ':': not a key, and not the continuation of the value above.
    private static FuzzCase NoiseLine(YamlBase file, Random random)
    {
        var lines = file.Lines.ToList();
        var index = Pick(Entries(file), random);
        var noise = new string(CsvMutations.Noise(random).Select(b => b is (byte)'#' or (byte)':' or 0x7F ? 'x' : (char)b).ToArray());
        lines.Insert(index + 1, file.TableIndent + noise.TrimEnd());
        return Case(file, "noise line", lines, null);
    }

    private static FuzzCase TruncatedAfterKey(YamlBase file, Random random)
    {
        var lines = file.Lines.ToList();
        var index = Pick(Entries(file), random);
        var kept = lines.Take(index).Append(lines[index][..(lines[index].IndexOf(':', StringComparison.Ordinal) + 1)]);
        return FuzzCase.Of($"{file.Name}: truncated after the key on line {index + 1}", string.Join('\n', kept), file.Request, index + 1);
    }

    private static FuzzCase TabIndent(YamlBase file, Random random)
    {
        var lines = file.Lines.ToList();
        var index = Pick(Entries(file), random);
        lines[index] = "\t" + lines[index].TrimStart();
        return Case(file, "tab indentation", lines, null);
    }

    private static FuzzCase WrongKindOrMissingTable(YamlBase file, Random random)
    {
        var lines = file.Lines.ToList();
        var kind = lines.FindIndex(l => l.StartsWith("kind:", StringComparison.Ordinal));
        if (kind < 0)
        {
            return Case(file, "table that is a list", ["- aws", "- gcp"], null);
        }
        if (random.Next(2) == 0)
        {
            lines[kind] = "kind: Secret";
            return Case(file, "kind Secret", lines, kind + 1);
        }
        var table = lines.FindIndex(l => l.Contains("pricing.yaml:", StringComparison.Ordinal));
        lines[table] = lines[table].Replace("pricing.yaml", "prices.yaml", StringComparison.Ordinal);
        return Case(file, "no pricing.yaml", lines, null);
    }

    private static FuzzCase SetValue(YamlBase file, Random random, string what, Func<string, string> value)
    {
        var lines = file.Lines.ToList();
        var index = Pick(Entries(file), random);
        var match = Entry().Match(lines[index]);
        lines[index] = $"{match.Groups["key"].Value}: {value(match.Groups["value"].Value)}";
        return Case(file, what, lines, index + 1);
    }

    private static List<int> Entries(YamlBase file) =>
        Enumerable.Range(0, file.Lines.Length).Where(i => Entry().IsMatch(file.Lines[i]) && file.Lines[i].StartsWith(file.TableIndent, StringComparison.Ordinal)).ToList();

    private static FuzzCase Case(YamlBase file, string what, List<string> lines, int? line) =>
        FuzzCase.Of($"{file.Name}: {what}{(line is { } l ? $" at line {l}" : "")}", FuzzBases.Join(lines), file.Request, line);

    private static int Pick(List<int> items, Random random) => items[random.Next(items.Count)];

    [GeneratedRegex(@"^(?<key>\s+[A-Za-z0-9_.\-]+):\s+(?<value>[0-9.]+)")]
    private static partial Regex Entry();

    [GeneratedRegex(@"^\s*(aws|gcp|azure):\s*$")]
    private static partial Regex CloudLine();
}
