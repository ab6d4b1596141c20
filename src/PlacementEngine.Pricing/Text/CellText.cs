using System.Text;

namespace PlacementEngine.Pricing;

/// <summary>Puts a cell from an untrusted file into a message: quoted, shortened, with control characters made visible.</summary>
internal static class CellText
{
    private const int MaxShown = 40;

    public static string Quote(string text)
    {
        var shown = new StringBuilder(Math.Min(text.Length, MaxShown) + 3);
        shown.Append('\'');
        foreach (var c in text.Length > MaxShown ? text[..MaxShown] : text)
        {
            shown.Append(char.IsControl(c) || c == '\uFFFD' || char.IsSurrogate(c) ? '?' : c);
        }
        shown.Append(text.Length > MaxShown ? "...'" : "'");
        return shown.ToString();
    }
}
