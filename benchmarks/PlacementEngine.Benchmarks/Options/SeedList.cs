using System.Globalization;

namespace PlacementEngine.Benchmarks;

/// <summary>
/// Reads the seeds of a sweep: whole numbers and ranges, comma-separated ("1-10", "1,4,7", "1-3,8"), in the order
/// written. No list parser in the field's packages reads ranges, hence these few lines.
/// </summary>
public static class SeedList
{
    /// <summary>A sweep this long would run for days; a larger count is a typo.</summary>
    public const int MaxSeeds = 10_000;

    /// <returns>The seeds, or null with <paramref name="error"/> naming the first bad part.</returns>
    public static IReadOnlyList<int>? Parse(string? text, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "give seeds as N, A-B or a comma-separated list of them (1-10, 1,4,7, 1-3,8)";
            return null;
        }
        var seeds = new List<int>();
        var named = new HashSet<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var dash = part.IndexOf('-');
            var (first, last) = dash >= 0 ? (part[..dash], part[(dash + 1)..]) : (part, part);
            if (!TryWhole(first, out var low) || !TryWhole(last, out var high))
            {
                error = $"'{part}' is not a seed (a whole number from 0) or a range A-B";
                return null;
            }
            if (high < low)
            {
                error = $"the range '{part}' runs backwards; write it low to high ({high}-{low})";
                return null;
            }
            if ((long)seeds.Count + high - low + 1 > MaxSeeds)
            {
                error = $"'{text}' names more than {MaxSeeds:N0} seeds";
                return null;
            }
            for (var seed = low; seed <= high; seed++)
            {
                if (!named.Add(seed))
                {
                    error = $"seed {seed} is named twice";
                    return null;
                }
                seeds.Add(seed);
                if (seed == int.MaxValue)
                {
                    break;
                }
            }
        }
        return seeds;
    }

    private static bool TryWhole(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
