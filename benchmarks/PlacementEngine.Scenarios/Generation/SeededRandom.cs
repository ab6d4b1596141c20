namespace PlacementEngine.Scenarios;

/// <summary>
/// Independent, reproducible random streams per part of a scenario, so that drawing one more job never changes the
/// fleet. System.Random with a seed is deterministic across runs and machines.
/// </summary>
internal static class SeededRandom
{
    public static Random Stream(int seed, int stream) => new(unchecked((seed * 1_000_003) + (stream * 7_919)));

    public static double Between(this Random random, double low, double high) => low + (random.NextDouble() * (high - low));

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public static void Shuffle<T>(this Random random, IList<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
