using System.Globalization;

namespace PlacementEngine.Core;

/// <summary>US dollars as a decimal. Arithmetic overflow throws instead of wrapping or losing precision.</summary>
public readonly record struct Money(decimal Dollars) : IComparable<Money>
{
    public static Money Zero => default;

    public static Money Of(decimal dollars) => new(dollars);

    public bool IsNegative => Dollars < 0m;

    public static Money operator +(Money a, Money b) => new(a.Dollars + b.Dollars);
    public static Money operator -(Money a, Money b) => new(a.Dollars - b.Dollars);
    public static Money operator *(Money a, decimal factor) => new(a.Dollars * factor);
    public static Money operator *(decimal factor, Money a) => new(a.Dollars * factor);
    public static bool operator <(Money a, Money b) => a.Dollars < b.Dollars;
    public static bool operator >(Money a, Money b) => a.Dollars > b.Dollars;
    public static bool operator <=(Money a, Money b) => a.Dollars <= b.Dollars;
    public static bool operator >=(Money a, Money b) => a.Dollars >= b.Dollars;

    public static Money Min(Money a, Money b) => a <= b ? a : b;
    public static Money Max(Money a, Money b) => a >= b ? a : b;

    public int CompareTo(Money other) => Dollars.CompareTo(other.Dollars);

    /// <summary>Rounded to a millionth of a dollar: finer than any cloud bills, coarse enough to compare plans.</summary>
    public Money Rounded() => new(decimal.Round(Dollars, 6, MidpointRounding.ToEven));

    public override string ToString() => Rounded().Dollars.ToString("0.######", CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out Money money)
    {
        money = Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var trimmed = text.Trim().TrimStart('$');
        if (!decimal.TryParse(trimmed, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }
        money = new Money(value);
        return true;
    }
}
