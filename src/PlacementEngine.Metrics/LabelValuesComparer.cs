namespace PlacementEngine.Metrics;

/// <summary>Label values are one series' identity: equal when every value is equal, ordinally.</summary>
internal sealed class LabelValuesComparer : IEqualityComparer<IReadOnlyList<string>>
{
    public static LabelValuesComparer Instance { get; } = new();

    public bool Equals(IReadOnlyList<string>? x, IReadOnlyList<string>? y) =>
        ReferenceEquals(x, y) || (x is not null && y is not null && x.SequenceEqual(y, StringComparer.Ordinal));

    public int GetHashCode(IReadOnlyList<string> obj)
    {
        var hash = new HashCode();
        foreach (var value in obj)
        {
            hash.Add(value, StringComparer.Ordinal);
        }
        return hash.ToHashCode();
    }
}
