namespace PlacementEngine.Metrics.Prometheus;

/// <summary>The label values that identify one child of a family: compared ordinally, ordered element by element.</summary>
internal sealed class LabelValues : IEquatable<LabelValues>
{
    private readonly string[] _values;

    private LabelValues(string[] values) => _values = values;

    public static LabelValues Empty { get; } = new([]);

    /// <summary>Orders children so the same state always produces the same text.</summary>
    public static IComparer<LabelValues> Order { get; } = Comparer<LabelValues>.Create(Compare);

    public int Count => _values.Length;

    public string this[int index] => _values[index];

    /// <summary>Copies the values, so a caller reusing its array cannot change a child's identity.</summary>
    public static LabelValues Of(IReadOnlyList<string> values, IReadOnlyList<string> labelNames)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count != labelNames.Count)
        {
            throw new ArgumentException(
                $"expected {labelNames.Count} label value(s) for [{string.Join(", ", labelNames)}], got {values.Count}",
                nameof(values));
        }
        if (values.Count == 0)
        {
            return Empty;
        }
        var copy = new string[values.Count];
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = values[i] ?? throw new ArgumentException($"value of label '{labelNames[i]}' is null", nameof(values));
        }
        return new LabelValues(copy);
    }

    public bool Equals(LabelValues? other) =>
        other is not null && _values.AsSpan().SequenceEqual(other._values, StringComparer.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as LabelValues);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var value in _values)
        {
            hash.Add(value, StringComparer.Ordinal);
        }
        return hash.ToHashCode();
    }

    public override string ToString() => "[" + string.Join(", ", _values) + "]";

    private static int Compare(LabelValues? a, LabelValues? b)
    {
        if (a is null || b is null)
        {
            return a is null ? (b is null ? 0 : -1) : 1;
        }
        var common = Math.Min(a._values.Length, b._values.Length);
        for (var i = 0; i < common; i++)
        {
            var order = string.CompareOrdinal(a._values[i], b._values[i]);
            if (order != 0)
            {
                return order;
            }
        }
        return a._values.Length.CompareTo(b._values.Length);
    }
}
