using System.Globalization;
using System.Text.RegularExpressions;

namespace PlacementEngine.Pricing;

/// <summary>
/// Numbers in imported files: decimals in the invariant culture, exponents allowed ("5e-05" is how some tools write
/// small prices), never through double. Each failure says what was wrong with the text.
/// </summary>
internal static partial class NumberText
{
    private const NumberStyles DecimalStyles =
        NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign
        | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    public static bool TryParseDecimal(string text, out decimal value, out string error)
    {
        if (decimal.TryParse(text, DecimalStyles, CultureInfo.InvariantCulture, out value))
        {
            error = "";
            return true;
        }
        error = LooksNumeric(text)
            ? $"{CellText.Quote(text)} is out of range"
            : $"{CellText.Quote(text)} is not a number";
        return false;
    }

    /// <summary>A whole count such as a GPU count; catalogs written by pandas spell it "8.0".</summary>
    public static bool TryParseCount(string text, out int value, out string error)
    {
        value = 0;
        if (!TryParseDecimal(text, out var number, out error))
        {
            return false;
        }
        if (number != decimal.Truncate(number) || number < 0m || number > int.MaxValue)
        {
            error = $"{CellText.Quote(text)} is not a whole number of 0 or more";
            return false;
        }
        value = (int)number;
        return true;
    }

    /// <summary>Formats without trailing zeros or exponent, so a value written and read again is the same text.</summary>
    public static string Format(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);

    private static bool LooksNumeric(string text) => NumberShape().IsMatch(text.Trim());

    [GeneratedRegex(@"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")]
    private static partial Regex NumberShape();
}
