namespace PlacementEngine.Metrics.Prometheus;

/// <summary>
/// A sample's value: a double, or an exact decimal. Money and counts stay decimal until they are written,
/// so dollars are never rounded through a double inside the process.
/// </summary>
public readonly record struct MetricValue
{
    private readonly double _double;
    private readonly decimal? _decimal;

    private MetricValue(double value, decimal? exact)
    {
        _double = value;
        _decimal = exact;
    }

    public static MetricValue FromDouble(double value) => new(value, null);

    public static MetricValue FromDecimal(decimal value) => new(0d, value);

    public static MetricValue FromInt64(long value) => new(0d, value);

    public static implicit operator MetricValue(double value) => FromDouble(value);

    public static implicit operator MetricValue(decimal value) => FromDecimal(value);

    public static implicit operator MetricValue(long value) => FromInt64(value);

    /// <summary>False for NaN: a counter must be a number that never goes below zero.</summary>
    internal bool IsNonNegativeNumber => _decimal is { } exact ? exact >= 0m : _double >= 0d;

    public override string ToString() =>
        _decimal is { } exact ? TextFormat.FormatDecimal(exact) : TextFormat.FormatDouble(_double);
}
