namespace PlacementEngine.Core;

/// <summary>A price only the newer book has.</summary>
public sealed record PriceAdded(PriceKey Key, Money Hourly);

/// <summary>A price only the older book has.</summary>
public sealed record PriceRemoved(PriceKey Key, Money Hourly);

/// <summary>A price both books have, at different amounts.</summary>
/// <param name="PercentChange">(new - old) / old in percent, rounded to 0.01 half away from zero; null when the old price was zero.</param>
public sealed record PriceChanged(PriceKey Key, Money Old, Money New, decimal? PercentChange);

/// <summary>How many rows of a table (egress rates, spot bands) one book has that the other lacks, or has at another value.</summary>
public sealed record TableChangeCounts(int Added, int Removed, int Changed)
{
    public static TableChangeCounts None { get; } = new(0, 0, 0);

    public bool IsEmpty => Added == 0 && Removed == 0 && Changed == 0;
}
