namespace PlacementEngine.Core;

/// <summary>
/// The OCI distribution reference grammar, [registry[:port]/]path[:tag][@digest], checked by hand: an image
/// reaches the container runtime as written, so anything the grammar refuses (spaces, ';', '$(') is refused here
/// rather than by a kubelet hours later.
/// </summary>
internal static class ImageReference
{
    /// <summary>The registries' limit on the name (registry and path together).</summary>
    private const int MaxNameLength = 255;
    private const int MaxTagLength = 128;
    private const int MinDigestHexLength = 32;

    /// <returns>null when <paramref name="image"/> is a valid reference, else what is wrong with it.</returns>
    public static string? Problem(string image)
    {
        var rest = image;
        var at = rest.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            if (DigestProblem(rest[(at + 1)..]) is { } digest)
            {
                return digest;
            }
            rest = rest[..at];
        }
        // A ':' after the last '/' starts the tag; one before it is the registry's port.
        var colon = rest.LastIndexOf(':');
        if (colon > rest.LastIndexOf('/'))
        {
            if (TagProblem(rest[(colon + 1)..]) is { } tag)
            {
                return tag;
            }
            rest = rest[..colon];
        }
        return NameProblem(rest);
    }

    private static string? NameProblem(string name)
    {
        if (name.Length == 0)
        {
            return "the repository name is empty";
        }
        if (name.Length > MaxNameLength)
        {
            return $"the repository name is longer than {MaxNameLength} characters";
        }
        var components = name.Split('/');
        var first = 0;
        // The first component is a registry only if it looks like a host: a dot, a port, or localhost.
        if (components.Length > 1 && (components[0].Contains('.', StringComparison.Ordinal)
            || components[0].Contains(':', StringComparison.Ordinal) || components[0] == "localhost"))
        {
            if (!IsRegistry(components[0]))
            {
                return $"'{components[0]}' is not a registry host[:port]";
            }
            first = 1;
        }
        for (var i = first; i < components.Length; i++)
        {
            if (!IsPathComponent(components[i]))
            {
                return "each path component must be lowercase letters and digits, separated by '.', '_', '__' or dashes";
            }
        }
        return null;
    }

    private static bool IsRegistry(string registry)
    {
        var colon = registry.IndexOf(':', StringComparison.Ordinal);
        var host = colon < 0 ? registry : registry[..colon];
        if (colon >= 0)
        {
            var port = registry[(colon + 1)..];
            if (port.Length is 0 or > 5 || !port.All(char.IsAsciiDigit))
            {
                return false;
            }
        }
        // Host names: dot-separated labels of letters, digits and inner dashes (bracketed IPv6 is left out).
        return host.Length > 0 && host.Split('.').All(label =>
            label.Length > 0 && char.IsAsciiLetterOrDigit(label[0]) && char.IsAsciiLetterOrDigit(label[^1])
            && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'));
    }

    /// <summary>alnum+ ( separator alnum+ )*, alnum being [a-z0-9] and a separator '.', '_', '__' or any run of '-'.</summary>
    private static bool IsPathComponent(string component)
    {
        var i = 0;
        while (true)
        {
            var start = i;
            while (i < component.Length && (char.IsAsciiLetterLower(component[i]) || char.IsAsciiDigit(component[i])))
            {
                i++;
            }
            if (i == start)
            {
                return false; // empty, or starting or ending with a separator, or two separators in a row
            }
            if (i == component.Length)
            {
                return true;
            }
            var separator = i;
            while (i < component.Length && component[i] == '-')
            {
                i++;
            }
            if (i == separator)
            {
                if (component[i] == '.')
                {
                    i++;
                }
                else if (component[i] == '_')
                {
                    i += i + 1 < component.Length && component[i + 1] == '_' ? 2 : 1;
                }
                else
                {
                    return false;
                }
            }
        }
    }

    /// <summary>A word character, then up to 127 of word characters, '.' and '-'.</summary>
    private static string? TagProblem(string tag)
    {
        static bool IsWord(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
        if (tag.Length is 0 or > MaxTagLength || !IsWord(tag[0]) || !tag.All(c => IsWord(c) || c is '.' or '-'))
        {
            return $"the tag must be 1-{MaxTagLength} letters, digits, '_', '.' or '-', not starting with '.' or '-'";
        }
        return null;
    }

    /// <summary>algorithm ':' hex, the algorithm letters-led components joined by '+', '.', '_' or '-'.</summary>
    private static string? DigestProblem(string digest)
    {
        const string Expected = "the digest must be algorithm:hex, e.g. sha256: and 64 hex digits";
        var colon = digest.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return Expected;
        }
        var algorithm = digest[..colon];
        var hex = digest[(colon + 1)..];
        var componentsOk = algorithm.Split('+', '.', '_', '-').All(part =>
            part.Length > 0 && char.IsAsciiLetter(part[0]) && part.All(char.IsAsciiLetterOrDigit));
        if (!componentsOk || hex.Length < MinDigestHexLength || !hex.All(char.IsAsciiHexDigit))
        {
            return Expected;
        }
        return null;
    }
}
