using System.Globalization;
using System.Text;

namespace PlacementEngine.Pricing.Tests;

/// <summary>
/// Breaks a valid CSV file in one place, in a way that must be caught, and says which line is broken. Every
/// mutation picks its row, column and value from the seeded random source, so a run is repeatable.
/// </summary>
internal static class CsvMutations
{
    public static readonly string[] GarbageNumbers =
        ["abc", "1.2.3", "--1", "1e", "0x1F", "NaN", "Infinity", "$", "1 2", "\uFF11\uFF12", "12..5", "+-3", "e5", "\u0001", "?", "1_000"];

    public static readonly string[] HugeNumbers = ["1e30", "79228162514264337593543950336", "123456789.5", "100000.01", "9e99"];

    public static readonly string[] UnknownRegions = ["moon-base-1", "us-east-99", "europe-west99", "", "eu_west_1", "\u00e9u-west-1"];

    private static readonly Func<CsvBase, Random, FuzzCase>[] All =
    [
        TruncatedRow, TruncatedFile, SwappedColumns, GarbageNumber, NegativePrice, HugeNumber, UnknownRegion,
        DuplicateRow, NoiseLine, NoiseHeader, RenamedColumn, UnterminatedQuote, LargeRise, BrokenVersion,
    ];

    public static FuzzCase Any(CsvBase file, Random random)
    {
        while (true)
        {
            var mutation = All[random.Next(All.Length)];
            if ((mutation != LargeRise || file.TracksActive) && (mutation != BrokenVersion || file.HeaderLine == 2))
            {
                return mutation(file, random);
            }
        }
    }

    // Cut a row before one of its first columns - 1 commas, so it has fewer cells than the header however it ends.
    private static FuzzCase TruncatedRow(CsvBase file, Random random)
    {
        var (lines, line) = PickRow(file, random);
        lines[line - 1] = CutBeforeComma(lines[line - 1], file.ColumnCount, random);
        return Case(file, "truncated row", lines, line);
    }

    private static FuzzCase TruncatedFile(CsvBase file, Random random)
    {
        var (lines, line) = PickRow(file, random);
        var cut = lines.Take(line - 1).Append(CutBeforeComma(lines[line - 1], file.ColumnCount, random));
        return FuzzCase.Of($"{file.Name}: file truncated in line {line}", string.Join('\n', cut), file.Request, line);
    }

    private static FuzzCase SwappedColumns(CsvBase file, Random random) =>
        Edit(file, random, "swapped columns", cells => (cells[file.SwapColumns.A], cells[file.SwapColumns.B]) = (cells[file.SwapColumns.B], cells[file.SwapColumns.A]));

    private static FuzzCase GarbageNumber(CsvBase file, Random random) =>
        Edit(file, random, "garbage number", cells => cells[Pick(file.PriceColumns, random)] = Pick(GarbageNumbers, random));

    // "-0" is no negative number, so a zero becomes -0.5.
    private static FuzzCase NegativePrice(CsvBase file, Random random) =>
        Edit(file, random, "negative price", cells =>
        {
            var column = file.PriceColumns.FirstOrDefault(c => cells[c].Length > 0, file.PriceColumns[0]);
            var isZero = cells[column].Length == 0 || decimal.Parse(cells[column], CultureInfo.InvariantCulture) == 0m;
            cells[column] = isZero ? "-0.5" : "-" + cells[column];
        });

    private static FuzzCase HugeNumber(CsvBase file, Random random) =>
        Edit(file, random, "huge number", cells => cells[Pick(file.PriceColumns, random)] = Pick(HugeNumbers, random));

    private static FuzzCase UnknownRegion(CsvBase file, Random random) =>
        Edit(file, random, "unknown region", cells =>
        {
            var colon = cells[file.RegionColumn].IndexOf(':', StringComparison.Ordinal);
            cells[file.RegionColumn] = cells[file.RegionColumn][..(colon + 1)] + Pick(UnknownRegions, random);
        });

    // The same row again right after it, one price changed: the same key with two prices.
    private static FuzzCase DuplicateRow(CsvBase file, Random random)
    {
        var (lines, line) = PickRow(file, random);
        var cells = lines[line - 1].Split(',');
        var column = file.PriceColumns.First(c => cells[c].Length > 0);
        cells[column] = NumberText.Format(decimal.Parse(cells[column], CultureInfo.InvariantCulture) + 1m);
        lines.Insert(line, string.Join(',', cells));
        return Case(file, "duplicate row", lines, line + 1);
    }

    private static FuzzCase NoiseLine(CsvBase file, Random random)
    {
        var (lines, line) = PickRow(file, random);
        var before = Encoding.UTF8.GetBytes(FuzzBases.Join(lines.Take(line)));
        var after = Encoding.UTF8.GetBytes("\n" + FuzzBases.Join(lines.Skip(line)));
        return new FuzzCase($"{file.Name}: binary noise line after line {line}", [.. before, .. Noise(random), .. after], file.Request, line + 1);
    }

    private static FuzzCase NoiseHeader(CsvBase file, Random random)
    {
        var lines = file.Lines.ToList();
        var before = Encoding.UTF8.GetBytes(FuzzBases.Join(lines.Take(file.HeaderLine - 1)));
        var after = Encoding.UTF8.GetBytes("\n" + FuzzBases.Join(lines.Skip(file.HeaderLine)));
        return new FuzzCase($"{file.Name}: binary noise for a header", [.. before, .. Noise(random), .. after], file.Request, file.HeaderLine);
    }

    private static FuzzCase RenamedColumn(CsvBase file, Random random)
    {
        var lines = file.Lines.ToList();
        var cells = lines[file.HeaderLine - 1].Split(',');
        cells[Pick(file.PriceColumns, random)] += "_x";
        lines[file.HeaderLine - 1] = string.Join(',', cells);
        return Case(file, "renamed header column", lines, file.HeaderLine);
    }

    private static FuzzCase UnterminatedQuote(CsvBase file, Random random) =>
        Edit(file, random, "unterminated quote", cells => cells[Pick(file.PriceColumns, random)] = "\"" + cells[file.PriceColumns[0]]);

    private static FuzzCase LargeRise(CsvBase file, Random random) =>
        Edit(file, random, "25-fold price", cells =>
            cells[file.PriceColumns[0]] = NumberText.Format(decimal.Parse(cells[file.PriceColumns[0]], CultureInfo.InvariantCulture) * (21 + random.Next(30))));

    private static FuzzCase BrokenVersion(CsvBase file, Random random)
    {
        var lines = file.Lines.ToList();
        if (random.Next(2) == 0)
        {
            lines[0] = "# placement-prices v" + (2 + random.Next(8));
        }
        else
        {
            lines.RemoveAt(0);
        }
        return Case(file, "broken version line", lines, 1);
    }

    private static FuzzCase Edit(CsvBase file, Random random, string what, Action<string[]> change)
    {
        var (lines, line) = PickRow(file, random);
        var cells = lines[line - 1].Split(',');
        change(cells);
        lines[line - 1] = string.Join(',', cells);
        return Case(file, what, lines, line);
    }

    private static (List<string> Lines, int Line) PickRow(CsvBase file, Random random) =>
        (file.Lines.ToList(), Pick(file.MutableLines, random));

    // Never cut to nothing: a blank line is skipped, not a problem. GCP GPU rows start with a comma, hence index 1 on.
    private static string CutBeforeComma(string row, int columnCount, Random random)
    {
        var commas = row.Select((c, i) => (c, i)).Where(x => x.c == ',').Select(x => x.i).Take(columnCount - 1).Where(i => i >= 1).ToList();
        var keep = commas[random.Next(commas.Count)];
        return row[..random.Next(Math.Max(1, keep - 3), keep + 1)];
    }

    /// <summary>Random bytes, invalid UTF-8 and NULs included, but no line break or comma: one line of one cell.</summary>
    public static byte[] Noise(Random random)
    {
        var bytes = new byte[1 + random.Next(80)];
        random.NextBytes(bytes);
        bytes[0] = (byte)('A' + random.Next(26));
        for (var i = 1; i < bytes.Length; i++)
        {
            if (bytes[i] is (byte)'\n' or (byte)'\r' or (byte)',')
            {
                bytes[i] = 0;
            }
        }
        return bytes;
    }

    private static FuzzCase Case(CsvBase file, string what, List<string> lines, int line) =>
        FuzzCase.Of($"{file.Name}: {what} at line {line}", FuzzBases.Join(lines), file.Request, line);

    private static T Pick<T>(IReadOnlyList<T> items, Random random) => items[random.Next(items.Count)];
}
