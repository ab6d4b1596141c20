namespace PlacementEngine.Cli.Config;

/// <summary>One named place to talk to, as in kubectl's contexts: the server and how to authenticate to it.</summary>
/// <param name="TokenFile">A file holding the bearer token (not the token itself, so the config can be shared or shown).</param>
/// <param name="CertificateAuthority">A PEM file of the CA that signed the server's certificate, for a private CA.</param>
internal sealed record ContextEntry(string Name, string? Server, string? TokenFile, string? CertificateAuthority);

/// <summary>The config file's content: the contexts, in file order, and which one is current.</summary>
internal sealed record PlacectlConfig(string? CurrentContext, IReadOnlyList<ContextEntry> Contexts)
{
    public static readonly PlacectlConfig Empty = new(null, []);

    public ContextEntry? Find(string name) => Contexts.FirstOrDefault(c => c.Name == name);

    /// <summary>This config with <paramref name="entry"/> added, or replacing the context of the same name in place.</summary>
    public PlacectlConfig With(ContextEntry entry) => this with
    {
        Contexts = Find(entry.Name) is null ? [.. Contexts, entry] : Contexts.Select(c => c.Name == entry.Name ? entry : c).ToList(),
    };
}

/// <summary>A config file that cannot be found, read or understood, or a context it does not have; exit code 2.</summary>
internal sealed class ConfigException(string message) : Exception(message);
