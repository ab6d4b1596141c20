namespace PlacementEngine.Core;

/// <summary>
/// The rules Kubernetes applies to label keys and values and to environment variable names, checked here because
/// labels, selectors and env reach a Kubernetes object at dispatch: a value the API server would refuse must be
/// refused at submit, naming the field, not when the job is already placed.
/// </summary>
internal static class KubernetesNames
{
    public const int MaxNameLength = 63;
    public const int MaxPrefixLength = 253;

    /// <returns>null for a valid label key ([DNS-subdomain prefix '/'] name), else what is wrong.</returns>
    public static string? LabelKeyProblem(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        var name = slash < 0 ? key : key[(slash + 1)..];
        if (slash >= 0)
        {
            var prefix = key[..slash];
            if (prefix.Length is 0 or > MaxPrefixLength || !IsDnsSubdomain(prefix))
            {
                return $"the prefix before '/' must be a DNS subdomain of at most {MaxPrefixLength} characters (lowercase letters, digits, '-' and '.')";
            }
        }
        if (name.Length == 0)
        {
            return "a label key's name part is required";
        }
        return IsLabelValueShaped(name)
            ? null
            : $"the name part must be 1-{MaxNameLength} letters, digits, '-', '_' or '.', starting and ending with a letter or digit";
    }

    /// <returns>null for a valid label value (empty, or shaped like a key's name part), else what is wrong.</returns>
    public static string? LabelValueProblem(string value) =>
        value.Length == 0 || IsLabelValueShaped(value)
            ? null
            : $"a label value must be empty or 1-{MaxNameLength} letters, digits, '-', '_' or '.', starting and ending with a letter or digit";

    /// <summary>
    /// Environment variable names as a C identifier: what every shell can export and the form Kubernetes
    /// accepted for years (newer versions accept more, which shells then cannot use).
    /// </summary>
    public static bool IsEnvName(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_')
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private static bool IsLabelValueShaped(string text) =>
        text.Length <= MaxNameLength
        && char.IsAsciiLetterOrDigit(text[0]) && char.IsAsciiLetterOrDigit(text[^1])
        && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    /// <summary>Dot-separated DNS labels, each lowercase letters, digits and inner '-'.</summary>
    private static bool IsDnsSubdomain(string text) =>
        text.Split('.').All(label =>
            label.Length is > 0 and <= MaxNameLength
            && IsLowerAlnum(label[0]) && IsLowerAlnum(label[^1])
            && label.All(c => IsLowerAlnum(c) || c == '-'));

    private static bool IsLowerAlnum(char c) => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c);
}
