using System.Globalization;
using PlacementEngine.Core;

namespace PlacementEngine.Storage.Sqlite.Serialization;

/// <summary>
/// The text forms of stored scalars. Money and decimals are invariant decimal strings, never REAL, so no
/// amount is rounded and the scale survives ("1.50" comes back as 1.50). Instants are UTC at tick precision
/// in a fixed-width form, so text order is time order and columns can be sorted and compared as text.
/// </summary>
internal static class StoredText
{
    private const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";
    private const string DurationFormat = "c";
    private const NumberStyles DecimalStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    public static string FormatInstant(DateTimeOffset at) =>
        at.UtcDateTime.ToString(InstantFormat, CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseInstant(string text) =>
        DateTimeOffset.TryParseExact(text, InstantFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at
            : throw Corrupt("instant", text);

    public static string FormatDecimal(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static decimal ParseDecimal(string text) =>
        decimal.TryParse(text, DecimalStyle, CultureInfo.InvariantCulture, out var value) ? value : throw Corrupt("decimal", text);

    public static string FormatMoney(Money money) => FormatDecimal(money.Dollars);

    public static Money ParseMoney(string text) => Money.Of(ParseDecimal(text));

    public static string FormatDuration(TimeSpan duration) => duration.ToString(DurationFormat, CultureInfo.InvariantCulture);

    public static TimeSpan ParseDuration(string text) =>
        TimeSpan.TryParseExact(text, DurationFormat, CultureInfo.InvariantCulture, out var duration) ? duration : throw Corrupt("duration", text);

    public static InvalidDataException Corrupt(string what, string? text) =>
        new($"stored {what} '{text}' cannot be read; the database was written by something else or is damaged");
}
