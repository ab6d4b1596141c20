using System.Globalization;
using System.Text;

namespace PlacementEngine.Server.Tests.EndToEnd;

/// <summary>A malformed price file: what was broken, the bytes, and the format to send (empty: let the server detect it).</summary>
/// <param name="Lines">The 1-based lines a rejection may name for the break; empty when any line will do.</param>
internal sealed record MalformedFile(string Kind, string FileName, byte[] Content, string Format, IReadOnlyList<int> Lines)
{
    public override string ToString() => $"{Kind} ({FileName}, {Content.Length} bytes)";
}

/// <summary>
/// Breaks valid price files in ways every import must refuse: bad numbers, negative prices, unknown regions, wrong
/// columns, renamed headers, duplicate keys, 100-fold rises, broken YAML, noise. Seeded, so a run repeats exactly.
/// </summary>
internal sealed class PriceFileMutator(int seed)
{
    private static readonly string[] Garbage = ["abc", "1.2.3", "--1", "NaN", "$", "1 2", "?", "12..5", "0x1F"];
    private static readonly string[] UnknownRegions = ["moon-base-1", "us-east-99", "europe-west99"];

    private readonly Random _random = new(seed);

    /// <param name="placementV1">Version line, header, then rows whose keys the active book has (so a 100-fold rise is caught).</param>
    /// <param name="skyPilot">A SkyPilot GCP catalog sample: header, then rows of machines without GPUs (priced on their own).</param>
    /// <param name="configMap">The example cost ConfigMap.</param>
    public IEnumerable<MalformedFile> Generate(int count, string[] placementV1, string[] skyPilot, string[] configMap)
    {
        for (var i = 0; i < count; i++)
        {
            yield return (i % 10) switch
            {
                0 or 1 or 2 or 3 => Csv(placementV1, headerLine: 2, priceColumns: [3, 4], regionColumn: 1, "prices.csv", "placement-v1", keysInActiveBook: true),
                4 or 5 or 6 => Csv(skyPilot, headerLine: 1, priceColumns: [8, 9], regionColumn: 6, "anycloud_catalog_gcp_vms.csv", "", keysInActiveBook: false),
                7 or 8 => Yaml(configMap),
                _ => Noise(empty: i % 100 == 9),
            };
        }
    }

    private MalformedFile Csv(string[] lines, int headerLine, int[] priceColumns, int regionColumn, string name, string format, bool keysInActiveBook)
    {
        var copy = lines.ToArray();
        var row = _random.Next(headerLine, copy.Length);
        var cells = copy[row].Split(',').ToList();
        var price = priceColumns[_random.Next(priceColumns.Length)];
        string kind;
        switch (_random.Next(keysInActiveBook ? 8 : 6))
        {
            case 0:
                cells[price] = Pick(Garbage);
                kind = "garbage price";
                break;
            case 1:
                cells[price] = "-1.5";
                kind = "negative price";
                break;
            case 2:
                cells[regionColumn] = Pick(UnknownRegions);
                kind = "unknown region";
                break;
            case 3:
                cells.RemoveAt(cells.Count - 1 - _random.Next(2));
                kind = "missing column";
                break;
            case 4:
                cells.Add("7");
                kind = "extra column";
                break;
            case 5:
                // A price column: the columns a format needs; SkyPilot catalogs may carry others that an import ignores.
                var header = copy[headerLine - 1].Split(',');
                header[price] += "_x";
                copy[headerLine - 1] = string.Join(',', header);
                kind = "renamed header column";
                break;
            case 6:
                copy = [.. copy[..(row + 1)], copy[row], .. copy[(row + 1)..]];
                kind = "duplicate key";
                break;
            default:
                var value = decimal.Parse(cells[price], CultureInfo.InvariantCulture);
                cells[price] = (value * 100m + 1m).ToString(CultureInfo.InvariantCulture);
                kind = "100-fold rise";
                break;
        }
        if (kind is not "renamed header column" and not "duplicate key")
        {
            copy[row] = string.Join(',', cells);
        }
        int[] broken = kind switch
        {
            "renamed header column" => [headerLine],
            "duplicate key" => [row + 1, row + 2],
            _ => [row + 1],
        };
        return new MalformedFile($"{format.Length switch { 0 => "skypilot-csv", _ => format }}: {kind}", name, Join(copy), format, broken);
    }

    private MalformedFile Yaml(string[] lines)
    {
        var copy = lines.ToArray();
        var priced = Enumerable.Range(0, copy.Length).Where(i => copy[i].Contains(": 1", StringComparison.Ordinal) && copy[i].StartsWith("      ", StringComparison.Ordinal)).ToList();
        var line = priced[_random.Next(priced.Count)];
        var key = copy[line][..copy[line].IndexOf(':', StringComparison.Ordinal)];
        string kind;
        switch (_random.Next(3))
        {
            case 0:
                copy[line] = $"{key}: {Pick(Garbage)}";
                kind = "garbage price";
                break;
            case 1:
                copy[line] = $"{key}: -12.5";
                kind = "negative price";
                break;
            default:
                copy[line] = $"{key} 12.5";
                kind = "key without a value";
                break;
        }
        // A YAML syntax error is found where the scanner gives up, which may be the line after the broken one.
        int[] broken = kind == "key without a value" ? [line + 1, line + 2] : [line + 1];
        return new MalformedFile($"configmap: {kind}", "pricing-configmap.yaml", Join(copy), "", broken);
    }

    private MalformedFile Noise(bool empty)
    {
        var bytes = new byte[empty ? 0 : _random.Next(1, 400)];
        _random.NextBytes(bytes);
        return new MalformedFile(empty ? "empty file" : "random bytes", "noise.bin", bytes, "", []);
    }

    private string Pick(string[] values) => values[_random.Next(values.Length)];

    private static byte[] Join(string[] lines) => Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n");
}
