using System.Text;
using System.Text.RegularExpressions;

namespace PlacementEngine.Pricing.Tests;

/// <summary>One malformed file: what was done to which valid file, and the line the problem must name (null: any line).</summary>
internal sealed record FuzzCase(string Name, byte[] Content, PriceImportRequest Request, int? ExpectedLine)
{
    public static FuzzCase Of(string name, string text, PriceImportRequest request, int? expectedLine) =>
        new(name, Encoding.UTF8.GetBytes(text), request, expectedLine);

    /// <summary>Lines as any of the readers may count them: YAML also breaks lines at \r, NEL and U+2028/9.</summary>
    public int LineCount => Encoding.UTF8.GetString(Content).Replace("\r\n", "\n", StringComparison.Ordinal).Split(['\n', '\r', '\u0085', '\u2028', '\u2029']).Length;

    /// <summary>The mutation without its base file and numbers, to count cases by kind.</summary>
    public string Kind => Regex.Replace(Name.Split(": ")[^1], @"\d+|\(.*\)", "N");

    public override string ToString() => Name;
}
