using System.Security.Cryptography;
using System.Text;

namespace PlacementEngine.Kubernetes.Jobs;

/// <summary>
/// Turns any text into a valid label value: at most 63 characters of [A-Za-z0-9-_.], starting and ending
/// alphanumeric. Values that must be cut keep a hash of the original, so distinct long names stay distinct.
/// </summary>
internal static class LabelValues
{
    public const int MaxLength = 63;
    private const int HashLength = 8;

    public static string Sanitize(string text)
    {
        var replaced = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            replaced.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-');
        }
        var value = TrimToAlphanumeric(replaced.ToString());
        if (value.Length <= MaxLength)
        {
            return value;
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..HashLength];
        return TrimToAlphanumeric(value[..(MaxLength - HashLength - 1)]) + "-" + hash;
    }

    public static bool IsValid(string value) => value.Length <= MaxLength && Sanitize(value) == value;

    private static string TrimToAlphanumeric(string value)
    {
        var start = 0;
        var end = value.Length;
        while (start < end && !char.IsAsciiLetterOrDigit(value[start]))
        {
            start++;
        }
        while (end > start && !char.IsAsciiLetterOrDigit(value[end - 1]))
        {
            end--;
        }
        return value[start..end];
    }
}
