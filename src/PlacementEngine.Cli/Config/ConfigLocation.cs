namespace PlacementEngine.Cli.Config;

/// <summary>
/// Where the config file is: --config, else $PLACECTL_CONFIG (both must exist when given), else
/// $XDG_CONFIG_HOME/placectl/config.yaml, else ~/.config/placectl/config.yaml (both optional).
/// </summary>
internal sealed record ConfigLocation(string Path, bool MustExist)
{
    public const string Variable = "PLACECTL_CONFIG";

    public static ConfigLocation? Resolve(string? flag, Func<string, string?> environment)
    {
        if (NonEmpty(flag) is { } given)
        {
            return new ConfigLocation(ExpandHome(given, environment), MustExist: true);
        }

        if (NonEmpty(environment(Variable)) is { } fromEnvironment)
        {
            return new ConfigLocation(ExpandHome(fromEnvironment, environment), MustExist: true);
        }

        var configHome = NonEmpty(environment("XDG_CONFIG_HOME"))
            ?? (NonEmpty(environment("HOME")) is { } home ? System.IO.Path.Combine(home, ".config") : null);
        return configHome is null ? null : new ConfigLocation(System.IO.Path.Combine(configHome, "placectl", "config.yaml"), MustExist: false);
    }

    /// <summary>
    /// A path named in the config file: "~/" is the home directory, and a relative path is relative to the config
    /// file's directory (as kubectl reads kubeconfig), so the result does not depend on where placectl runs.
    /// </summary>
    public string PathFromFile(string path, Func<string, string?> environment)
    {
        var expanded = ExpandHome(path, environment);
        return System.IO.Path.IsPathRooted(expanded)
            ? expanded
            : System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!, expanded);
    }

    private static string ExpandHome(string path, Func<string, string?> environment) =>
        path.StartsWith("~/", StringComparison.Ordinal) && NonEmpty(environment("HOME")) is { } home
            ? System.IO.Path.Combine(home, path[2..])
            : path;

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
