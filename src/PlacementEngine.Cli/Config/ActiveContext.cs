using PlacementEngine.Cli.Commands.Shell;

namespace PlacementEngine.Cli.Config;

/// <summary>The context a command uses, resolved from the config file, and what it says about the connection.</summary>
/// <param name="TokenFile">The token file's full path; null when the context names none.</param>
internal sealed record ActiveContext(ContextEntry Entry, string? TokenFile, string? CertificateAuthority)
{
    /// <summary>
    /// The context named by --context, else the file's current-context; null when the file names none. A context
    /// that is named but absent is an error, never a silent fall back to the default server.
    /// </summary>
    public static ActiveContext? Resolve(ConfigLocation? location, string? requested, Func<string, string?> environment)
    {
        if (location is null)
        {
            return requested is null ? null : throw new ConfigException($"--context {requested}: no config file (set HOME, XDG_CONFIG_HOME or {ConfigLocation.Variable})");
        }

        var config = ConfigFile.Load(location.Path, location.MustExist);
        var name = requested ?? config.CurrentContext;
        if (name is null)
        {
            return null;
        }

        var entry = config.Find(name) ?? throw new ConfigException(Missing(name, requested is null ? "current-context" : "--context", config, location.Path));
        var tokenFile = entry.TokenFile is { } token ? location.PathFromFile(token, environment) : null;
        var authority = entry.CertificateAuthority is { } ca ? location.PathFromFile(ca, environment) : null;
        return new ActiveContext(entry, tokenFile, authority);
    }

    public static string Missing(string name, string source, PlacectlConfig config, string path)
    {
        var known = config.Contexts.Count == 0 ? "it has no contexts" : $"it has {string.Join(", ", config.Contexts.Select(c => c.Name))}";
        var close = DidYouMean.Closest(name, config.Contexts.Select(c => c.Name)) is { } guess ? $" Did you mean '{guess}'?" : "";
        return $"{source} '{name}' is not a context in config file {path} ({known}).{close} To add it: placectl config set-context {name} --server URL";
    }

    /// <summary>The token file's content, trimmed; read only when no flag or variable gave a token, so an unused file cannot fail a command.</summary>
    public string? ReadToken() => TokenFile is null ? null : ReadToken(Entry.Name, TokenFile);

    private static string ReadToken(string context, string path)
    {
        try
        {
            var token = File.ReadAllText(path).Trim();
            return token.Length > 0 ? token : throw new ConfigException($"context '{context}': token-file {path} is empty");
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ConfigException($"context '{context}': token-file {path} not found");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException($"context '{context}': cannot read token-file {path}: {e.Message}");
        }
    }
}
